import Taro from '@tarojs/taro';

import { API_BASE_URL, REQUEST_TIMEOUT_MS } from '../config';
import { createOfficeHttpClient } from './office-http-client';
import type { OfficeUpload } from './office-http-client';
import { officeSession } from './office-session';
import { OFFICE_COOKIE_SESSION, cookieSessionFor } from './session-cookie';
import { taroRequest } from './http';

// Taro.uploadFile on both platforms: wx.uploadFile on weapp, an XHR with FormData on H5 (where
// the path is an object URL of the picked file).
const taroUpload: OfficeUpload = ({ url, file, fields, header, onProgress }) => {
  const task = Taro.uploadFile({
    url,
    filePath: file.path,
    name: 'file',
    fileName: file.name,
    formData: fields,
    header,
    timeout: 120_000,
  });
  task.progress?.((progress) => onProgress?.(progress.progress));
  return task.then((result) => ({ statusCode: result.statusCode, data: result.data }));
};

// Office uploads (notices, platform exports) are bigger than the applicant's requests.
const OFFICE_TIMEOUT_MS = Math.max(REQUEST_TIMEOUT_MS, 60_000);

export const officeHttp = createOfficeHttpClient({
  baseURL: API_BASE_URL,
  timeoutMs: OFFICE_TIMEOUT_MS,
  request: taroRequest,
  upload: taroUpload,
  getToken: officeSession.getToken,
  onUnauthenticated: officeSession.clear,
  cookieSession: cookieSessionFor(OFFICE_COOKIE_SESSION),
});
