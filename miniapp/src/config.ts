// The only reader of TARO_APP_* variables (see types/global.d.ts).
export const API_BASE_URL = process.env.TARO_APP_API_BASE ?? '/api';

// Weak networks: give a request this long before calling it a timeout.
export const REQUEST_TIMEOUT_MS = 15_000;
