import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Compiler } from 'webpack';

const PLUGIN_NAME = 'titletrack-service-worker';
const TEMPLATE = join(__dirname, '..', 'src', 'sw', 'service-worker.js');
// What the app runs on; the licence notes and build stamps are never fetched by a page.
const RUNS_IN_APP = /\.(js|css|woff2?|ttf|png|svg|jpe?g|gif|webp)$/;

export interface ServiceWorkerPluginOptions {
  publicPath?: string;
  fileName?: string;
}

/**
 * Emits the H5 service worker (src/sw/service-worker.js) as sw.js beside index.html, with this
 * build's files to keep offline and a version made from their contents: a build that changes
 * any of them changes sw.js, and the browser installs it in place of the old one.
 */
export class ServiceWorkerPlugin {
  private readonly publicPath: string;
  private readonly fileName: string;

  constructor({ publicPath = '/', fileName = 'sw.js' }: ServiceWorkerPluginOptions = {}) {
    this.publicPath = publicPath;
    this.fileName = fileName;
  }

  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const assets = compilation
            .getAssets()
            .filter(({ name }) => RUNS_IN_APP.test(name) && name !== this.fileName)
            .sort((a, b) => (a.name < b.name ? -1 : 1));
          const hash = createHash('sha256');
          for (const { name, source } of assets) hash.update(name).update(source.buffer());
          const precache = {
            version: hash.digest('hex').slice(0, 16),
            files: assets.map(({ name }) => this.publicPath + name),
          };
          const code = readFileSync(TEMPLATE, 'utf8').replace(
            '__PRECACHE__;',
            `${JSON.stringify(precache)};`,
          );
          compilation.emitAsset(this.fileName, new sources.RawSource(code));
        },
      );
    });
  }
}
