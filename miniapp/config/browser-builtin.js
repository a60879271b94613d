// Stands in for Taro H5's fetch and AbortController polyfills (see config/index.ts): every
// browser that runs this app (React 18, the WeChat in-app browser, Chromium) has both built in.
export {};
