import { screenCache } from './screen-cache.taro';
import { notifySessionChanged } from './session-events';
import { createSessionStore, withApplicantData } from './session-store';
import { taroStorage } from './taro-storage';

// The app's one session, kept in Taro storage so it survives restarts of the mini-program. Every
// way a session starts or ends (sign-in, demo sign-in, sign-out, a refused token) passes here, so
// this is where the cached answers about its applicant are dropped: a shared phone must never
// show, or keep, the previous person's data.
export const session = withApplicantData(
  createSessionStore(taroStorage),
  { forget: (keep) => screenCache.forgetApplicants(keep) },
  notifySessionChanged,
);
