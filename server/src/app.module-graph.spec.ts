import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

// The feature modules under src/modules must depend on each other in one direction only: a
// cycle means neither side can change, be tested or be started without the other. The graph is
// read from import statements, a feature being a folder of src/modules (mirror/poll belongs to
// mirror): first those of the *.module.ts files (what Nest wires), then those of every source
// file, type imports included (what the code needs).

const MODULES_DIR = resolve(__dirname, 'modules');
const IMPORT_PATTERN = /(?:^|\n)\s*(?:import|export)\s(?:[^;]*?\sfrom\s)?\s*'([^']+)'/g;

type Graph = ReadonlyMap<string, ReadonlySet<string>>;

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

function featureOf(path: string): string | null {
  const inside = relative(MODULES_DIR, path);
  if (inside.startsWith('..')) return null;
  const [feature] = inside.split(sep);
  return feature ?? null;
}

function importsOf(path: string): string[] {
  const source = readFileSync(path, 'utf8');
  return [...source.matchAll(IMPORT_PATTERN)].flatMap((match) =>
    match[1]?.startsWith('.') ? [resolve(dirname(path), match[1])] : [],
  );
}

function featureGraph(files: readonly string[]): Graph {
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = featureOf(file);
    if (from === null) continue;
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const target of importsOf(file)) {
      const to = featureOf(target);
      if (to !== null && to !== from) edges.add(to);
    }
  }
  return graph;
}

// One cycle as the path that closes it (a → b → a), or null when the graph has none.
function findCycle(graph: Graph): string[] | null {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    const open = path.indexOf(node);
    if (open >= 0) return [...path.slice(open), node];
    if (done.has(node)) return null;
    path.push(node);
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(node);
    return null;
  };
  for (const node of [...graph.keys()].sort()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

const moduleFiles = (): string[] =>
  filesUnder(MODULES_DIR).filter((path) => path.endsWith('.module.ts'));
const sourceFiles = (): string[] =>
  filesUnder(MODULES_DIR).filter((path) => path.endsWith('.ts') && !path.endsWith('.spec.ts'));

describe('the feature module graph', () => {
  it('finds a cycle when there is one, and none in a chain', () => {
    const graph = new Map([
      ['auth', new Set(['staff'])],
      ['staff', new Set(['applicant'])],
      ['applicant', new Set<string>()],
    ]);
    expect(findCycle(graph)).toBeNull();
    expect(findCycle(new Map([...graph, ['applicant', new Set(['auth'])]]))).toEqual([
      'applicant',
      'auth',
      'staff',
      'applicant',
    ]);
  });

  it('reads the features a module file imports, multi-line imports included', () => {
    const graph = featureGraph(moduleFiles());
    expect(graph.get('staff-admin')).toEqual(new Set(['auth', 'staff']));
    expect([...(graph.get('mirror') ?? [])]).toEqual(
      expect.arrayContaining(['application', 'certificate']),
    );
  });

  it('has no cycle among the feature modules', () => {
    const graph = featureGraph(moduleFiles());
    expect(graph.size).toBeGreaterThan(10);
    expect(findCycle(graph)).toBeNull();
  });

  it('has no cycle among the features, counting the imports of every source file', () => {
    expect(findCycle(featureGraph(sourceFiles()))).toBeNull();
  });
});
