import { writeFileSync } from 'node:fs';

// Writes each emitted module with its size and chunks, for a size analysis of the build.
export class WebpackStatsPlugin {
  constructor(private readonly file: string) {}

  apply(compiler: any): void {
    compiler.hooks.done.tap('WebpackStatsPlugin', (stats: any) => {
      const json = stats.toJson({
        all: false,
        ids: true,
        chunks: true,
        modules: true,
        nestedModules: true,
        modulesSpace: Infinity,
        nestedModulesSpace: Infinity,
        reasons: false,
      });
      writeFileSync(this.file, JSON.stringify(json));
    });
  }
}
