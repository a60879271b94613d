import { defineConfig } from '@tarojs/cli';
import webpack from 'webpack';

import { ServiceWorkerPlugin } from './service-worker-plugin';
import { UyghurCatalogueAssetPlugin } from './uyghur-catalogue-plugin';
import { WebpackStatsPlugin } from './webpack-stats-plugin';

// Written by hand: `taro init` fetches templates from the internet. See ../shared/TOOLCHAIN.md §3.
// chinese-days ships its ES module as .js inside a "type": "commonjs" package, which webpack then
// refuses to parse as a module; tell webpack what the file really is.
function parseChineseDaysAsModule(chain: any): void {
  chain.module
    .rule('chinese-days-esm')
    .test(/[\\/]chinese-days[\\/]dist[\\/]index\.es\.js$/)
    .type('javascript/auto');
}

// Every request goes through our Taro.request adapter (services/taro-adapter.ts), so axios's own
// XHR and fetch adapters are dead weight in both builds: swap them for a stub.
function dropAxiosBuiltinAdapters(chain: any): void {
  chain
    .plugin('axios-without-builtin-adapters')
    .use(webpack.NormalModuleReplacementPlugin, [
      /axios[\\/]lib[\\/]adapters[\\/](xhr|fetch)\.js$/,
      require.resolve('./axios-adapter-stub.js'),
    ]);
}

function configureWebpack(chain: any): void {
  parseChineseDaysAsModule(chain);
  dropAxiosBuiltinAdapters(chain);
  // `TT_WEBPACK_STATS=<file> npm run build:weapp` writes which module went into which chunk, to
  // see what weighs on the main package (docs/miniapp.md, budgets).
  if (process.env.TT_WEBPACK_STATS)
    chain.plugin('webpack-stats').use(WebpackStatsPlugin, [process.env.TT_WEBPACK_STATS]);
}

function configureMiniWebpack(chain: any): void {
  configureWebpack(chain);
  chain.plugin('uyghur-catalogue').use(UyghurCatalogueAssetPlugin);
}

// H5 renders Taro's components as plain React elements (`useHtmlComponents`), so the stylesheet
// of Taro's web components (and the weui icon font inlined in it, ~6 KB) styles nothing; no
// request of ours is JSONP; and the browsers that run React 18 have fetch and AbortController, which
// Taro's request polyfills (~9 KB gzipped). All would otherwise weigh on the first screen
// (docs/miniapp.md).
function dropUnusedH5Runtime(chain: any): void {
  chain
    .plugin('h5-without-unused-runtime')
    .use(webpack.NormalModuleReplacementPlugin, [
      /@tarojs[\\/]components[\\/]dist[\\/]taro-components[\\/]taro-components\.css$/,
      require.resolve('./empty.css'),
    ]);
  chain
    .plugin('h5-without-legacy-polyfills')
    .use(webpack.NormalModuleReplacementPlugin, [
      /^(whatwg-fetch|abortcontroller-polyfill[\\/]dist[\\/]abortcontroller-polyfill-only)$/,
      require.resolve('./browser-builtin.js'),
    ]);
  chain
    .plugin('h5-without-jsonp')
    .use(webpack.NormalModuleReplacementPlugin, [
      /^jsonp-retry$/,
      require.resolve('./jsonp-unsupported.js'),
    ]);
}

// The offline service worker (src/sw/service-worker.js), registered by index.html.
function emitServiceWorker(chain: any): void {
  chain.plugin('service-worker').use(ServiceWorkerPlugin, [{ publicPath: '/' }]);
}

function configureH5Webpack(chain: any): void {
  configureWebpack(chain);
  dropUnusedH5Runtime(chain);
  emitServiceWorker(chain);
}

export default defineConfig<'webpack5'>(async () => ({
  projectName: 'titletrack-miniapp',
  date: '2026-11-25',
  // NutUI is authored at 375 px, our own styles at 750 (TOOLCHAIN §3).
  designWidth(input?: { file?: string }) {
    return input?.file?.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750;
  },
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: `dist/${process.env.TARO_ENV}`,
  // weapp only: NutUI React Taro renders some HTML-style tags, which weapp needs
  // @tarojs/plugin-html for, and our own plugin lets the accessibility attributes through to the
  // weapp templates. H5 renders every tag as the browser's own element (`useHtmlComponents`), so
  // its first screen does without the HTML plugin's runtime.
  plugins:
    process.env.TARO_ENV === 'h5'
      ? []
      : ['@tarojs/plugin-html', require.resolve('./weapp-accessibility-plugin.js')],
  defineConstants: {},
  copy: { patterns: [], options: {} },
  framework: 'react',
  compiler: { type: 'webpack5', prebundle: { enable: false } },
  cache: { enable: false },
  // Print non-ASCII as UTF-8, not \uXXXX escapes: the Chinese and Uyghur catalogues would
  // otherwise weigh two to three times more in the weapp package. Taro's H5 defaults also keep
  // every function's name and quote every object key; nothing of ours reads a function's name,
  // and dropping both takes ~4 KB gzipped off the H5 first screen (docs/miniapp.md, budgets).
  terser: {
    enable: true,
    config: { keep_fnames: false, output: { ascii_only: false, quote_keys: false } },
  },
  mini: {
    // weapp has no recursive templates: base.wxml repeats every view template once per nesting
    // level, ~3.5 KB of the main package each. Our deepest screen nests 8 levels (measured with
    // the simulator); anything deeper still renders, through Taro's `comp` component.
    baseLevel: 10,
    // zod, axios and chinese-days ship ES2020 syntax (?. ??) that the weapp runtime may not parse; Taro only
    // transpiles node_modules paths containing "taro" by itself (TOOLCHAIN F5).
    compile: {
      include: [(path: string) => /node_modules[\\/](zod|axios|chinese-days)[\\/]/.test(path)],
    },
    webpackChain: configureMiniWebpack,
    postcss: {
      pxtransform: { enable: true, config: {} },
      cssModules: {
        enable: false,
        config: {
          namingPattern: 'module',
          generateScopedName: '[name]__[local]___[hash:base64:5]',
        },
      },
    },
  },
  h5: {
    // Taro's components as React elements rather than Stencil web components: ~30 KB less
    // JavaScript on the first screen, and plain <div>s the server's first-screen HTML can match.
    useHtmlComponents: true,
    publicPath: '/',
    staticDirectory: 'static',
    router: { mode: 'hash' },
    webpackChain: configureH5Webpack,
    postcss: {
      autoprefixer: { enable: true, config: {} },
      cssModules: {
        enable: false,
        config: {
          namingPattern: 'module',
          generateScopedName: '[name]__[local]___[hash:base64:5]',
        },
      },
    },
  },
}));
