import { defineConfig } from '@tarojs/cli';

// Written by hand: `taro init` fetches templates from the internet. See ../shared/TOOLCHAIN.md §3.
// chinese-days ships its ES module as .js inside a "type": "commonjs" package, which webpack then
// refuses to parse as a module; tell webpack what the file really is.
function parseChineseDaysAsModule(chain: any): void {
  chain.module
    .rule('chinese-days-esm')
    .test(/[\\/]chinese-days[\\/]dist[\\/]index\.es\.js$/)
    .type('javascript/auto');
}

export default defineConfig<'webpack5'>(async () => ({
  projectName: 'titletrack-miniapp',
  date: '2026-11-25',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: `dist/${process.env.TARO_ENV}`,
  plugins: [],
  defineConstants: {},
  copy: { patterns: [], options: {} },
  framework: 'react',
  compiler: { type: 'webpack5', prebundle: { enable: false } },
  cache: { enable: false },
  mini: {
    // i18next and zod ship ES2020 syntax (?. ??) that the weapp runtime may not parse; Taro only
    // transpiles node_modules paths containing "taro" by itself (TOOLCHAIN F5).
    compile: {
      include: [
        (path: string) => /node_modules[\\/](i18next|react-i18next|zod|axios|chinese-days)[\\/]/.test(path),
      ],
    },
    webpackChain: parseChineseDaysAsModule,
    postcss: {
      pxtransform: { enable: true, config: {} },
      cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
    },
  },
  h5: {
    publicPath: '/',
    staticDirectory: 'static',
    router: { mode: 'hash' },
    webpackChain: parseChineseDaysAsModule,
    postcss: {
      autoprefixer: { enable: true, config: {} },
      cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
    },
  },
}));
