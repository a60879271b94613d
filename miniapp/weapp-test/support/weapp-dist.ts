import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const WEAPP_DIR = resolve(__dirname, '..', '..', 'dist', 'weapp');

interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  subpackages?: { root: string; pages: string[] }[];
}

// CI builds the weapp before `npm test`; a missing build is a failure, never a skip.
export function assertWeappBuilt(): void {
  if (!existsSync(join(WEAPP_DIR, 'app.json')) || !existsSync(join(WEAPP_DIR, 'app.js'))) {
    throw new Error(
      `No weapp build in ${WEAPP_DIR}: run \`npm run build:weapp\` (from the repository root) first.`,
    );
  }
}

export function readAppJson(): AppJson {
  assertWeappBuilt();
  return JSON.parse(readFileSync(join(WEAPP_DIR, 'app.json'), 'utf8')) as AppJson;
}

// Every page route as WeChat knows it, main package first: `pages/index/index`,
// `packages/applicant/pages/todo/index`, …
export function allPageRoutes(): string[] {
  const app = readAppJson();
  const subPackages = app.subPackages ?? app.subpackages ?? [];
  return [
    ...app.pages,
    ...subPackages.flatMap((sub) =>
      sub.pages.map((page) => `${sub.root.replace(/\/$/, '')}/${page}`),
    ),
  ];
}
