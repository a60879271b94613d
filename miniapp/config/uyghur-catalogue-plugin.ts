// Writes the Uyghur catalogue into the weapp's applicant subpackage as a plain CommonJS file,
// outside webpack's module graph, for src/locales/catalogues.weapp.ts to require on demand: a
// main package cannot hold it within its 500 KB budget (docs/miniapp.md, budgets).
export const UG_CATALOGUE_ASSET = 'packages/applicant/locale-ug.js';

export class UyghurCatalogueAssetPlugin {
  apply(compiler: any): void {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('UyghurCatalogueAssetPlugin', (compilation: any) => {
      compilation.hooks.processAssets.tap(
        { name: 'UyghurCatalogueAssetPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          // Read afresh on every compilation (watch mode), from shared's CommonJS build, which
          // `prebuild:weapp` has just made.
          const file = require.resolve('@titletrack/shared/locales/ug');
          delete require.cache[file];
          const { ug } = require(file);
          compilation.emitAsset(
            UG_CATALOGUE_ASSET,
            new sources.RawSource(`module.exports={ug:${JSON.stringify(ug)}};`),
          );
        },
      );
    });
  }
}
