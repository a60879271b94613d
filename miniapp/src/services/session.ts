import { screenCache } from './screen-cache.taro';
import { notifySessionChanged } from './session-events';
import { usesCookieSession } from './session-cookie';
import { createSessionStore, SESSION_STORAGE_KEY, withApplicantData } from './session-store';
import { taroStorage } from './taro-storage';

// The app's one session, kept in Taro storage so it survives restarts of the mini-program (on
// H5 only a marker: the token is in an HttpOnly cookie). Every
// way a session starts or ends (sign-in, demo sign-in, sign-out, a refused token) passes here, so
// this is where the cached answers about its applicant are dropped: a shared phone must never
// show, or keep, the previous person's data.
export const session = withApplicantData(
  createSessionStore(taroStorage, SESSION_STORAGE_KEY, { keepsToken: !usesCookieSession() }),
  { forget: (keep) => screenCache.forgetApplicants(keep) },
  notifySessionChanged,
);
