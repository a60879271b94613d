import { weappPackageSizes } from '../../scripts/weapp-package-sizes.cjs';
import { WEAPP_DIR, assertWeappBuilt } from '../support/weapp-dist';

// WeChat loads the main package before the first screen; our budget is 500 KB (its cap is
// 2 MB). Counted by the same counter as miniapp/scripts/size-bench.mjs.
const MAIN_PACKAGE_BUDGET = 500 * 1024;

describe('weapp main package', () => {
  beforeAll(assertWeappBuilt);

  it('should stay within its 500 KB budget', () => {
    const { main } = weappPackageSizes(WEAPP_DIR);

    expect(main.files).toContain('app.js');
    expect(main.bytes).toBeLessThanOrEqual(MAIN_PACKAGE_BUDGET);
  });

  it('should leave the Uyghur catalogue to the applicant subpackage', () => {
    const packages = weappPackageSizes(WEAPP_DIR);

    expect(packages['packages/applicant']?.files).toContain('packages/applicant/locale-ug.js');
    expect(packages.main.files.filter((path) => path.includes('locale-ug'))).toEqual([]);
  });
});
