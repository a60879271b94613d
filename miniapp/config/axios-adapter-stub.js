// Stands in for axios's XHR and fetch adapters in the mini-app builds (see config/index.ts):
// every request uses the Taro.request adapter, so these are never chosen. `false` is how axios
// marks an adapter this platform does not support.
export default false;
export const getFetch = () => false;
