// The weapp build's packages as WeChat counts them at upload: a file under a subpackage root
// belongs to that subpackage, every other file to the main package; the licence notes are not
// uploaded. One counter for the size bench (size-bench.mjs) and the budget test.
const { readdirSync, readFileSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

function weappPackageSizes(weappDir) {
  const app = JSON.parse(readFileSync(join(weappDir, 'app.json'), 'utf8'));
  const roots = (app.subPackages ?? app.subpackages ?? []).map((sub) =>
    sub.root.replace(/\/$/, ''),
  );
  const packages = Object.fromEntries(
    ['main', ...roots].map((name) => [name, { bytes: 0, files: [] }]),
  );
  for (const file of filesUnder(weappDir)) {
    const path = relative(weappDir, file).split('\\').join('/');
    if (path.endsWith('.LICENSE.txt')) continue;
    const root = roots.find((candidate) => path.startsWith(`${candidate}/`));
    const owner = packages[root ?? 'main'];
    owner.bytes += statSync(file).size;
    owner.files.push(path);
  }
  return packages;
}

module.exports = { weappPackageSizes };
