// Stands in for jsonp-retry in the H5 build (see config/index.ts): the product never asks
// Taro.request for JSONP, so a call that does is a mistake worth a clear error.
export default function jsonpUnsupported() {
  return Promise.reject(new Error('JSONP requests are not supported in this build'));
}
