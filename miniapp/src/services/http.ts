import Taro from '@tarojs/taro';

import { API_BASE_URL, REQUEST_TIMEOUT_MS } from '../config';
import { createHttpClient } from './http-client';
import { session } from './session';
import { APPLICANT_COOKIE_SESSION, cookieSessionFor, usesCookieSession } from './session-cookie';
import type { TaroRequest } from './taro-adapter';

// 1. The platform request, wrapped once: wx.request in WeChat, fetch in H5 (with the session
//    cookies also when the API is on another origin, as under the dev server).
export const taroRequest: TaroRequest = (options) =>
  Taro.request({
    ...options,
    method: options.method as keyof Taro.request.Method,
    ...(usesCookieSession() ? { credentials: 'include' as const } : {}),
  });

// 2. The client every service uses: it sends the stored session token (H5: names its cookie
//    session and proves its writes) and drops the session when the server answers
//    UNAUTHENTICATED, so the next screen sees a signed-out user.
export const http = createHttpClient({
  baseURL: API_BASE_URL,
  timeoutMs: REQUEST_TIMEOUT_MS,
  request: taroRequest,
  getToken: session.getToken,
  onUnauthenticated: session.clear,
  cookieSession: cookieSessionFor(APPLICANT_COOKIE_SESSION),
});
