import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import { WEAPP_DIR, readAppJson } from '../support/weapp-dist';

// WeChat loads the main package before the first screen; our budget is 500 KB (its cap is
// 2 MB). Counted as miniapp/scripts/size-bench.mjs counts: every file outside the subpackage
// roots, less the licence notes, which are not uploaded.
const MAIN_PACKAGE_BUDGET = 500 * 1024;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('weapp main package', () => {
  it('should stay within its 500 KB budget', () => {
    const app = readAppJson();
    const roots = (app.subPackages ?? app.subpackages ?? []).map(
      (sub) => `${sub.root.replace(/\/$/, '')}/`,
    );
    const mainFiles = filesUnder(WEAPP_DIR)
      .map((file) => ({ path: relative(WEAPP_DIR, file).split('\\').join('/'), file }))
      .filter(({ path }) => !path.endsWith('.LICENSE.txt'))
      .filter(({ path }) => !roots.some((root) => path.startsWith(root)));
    const bytes = mainFiles.reduce((sum, { file }) => sum + statSync(file).size, 0);

    expect(mainFiles.map(({ path }) => path)).toContain('app.js');
    expect(bytes).toBeLessThanOrEqual(MAIN_PACKAGE_BUDGET);
  });

  it('should leave the Uyghur catalogue to the applicant subpackage', () => {
    const app = readAppJson();
    const applicant = (app.subPackages ?? app.subpackages ?? []).find(
      (sub) => sub.root.replace(/\/$/, '') === 'packages/applicant',
    );

    expect(applicant).toBeDefined();
    expect(filesUnder(join(WEAPP_DIR, 'packages', 'applicant'))).toContain(
      join(WEAPP_DIR, 'packages', 'applicant', 'locale-ug.js'),
    );
  });
});
