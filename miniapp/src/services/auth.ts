import Taro from '@tarojs/taro';

import { createAuthService } from './auth-service';
import { forgetDemoClock } from './demo';
import { http } from './http';
import { session } from './session';
import { taroStorage } from './taro-storage';
import { setClockOverride } from '../utils/clock';
import { isWeapp } from '../utils/platform';

export const DEVICE_ID_STORAGE_KEY = 'titletrack.deviceId';

export const authService = createAuthService({
  http,
  store: session,
  isWeapp,
  platformLogin: async () => {
    const { code } = await Taro.login();
    return { code };
  },
  deviceIdStore: {
    get: () => taroStorage.get(DEVICE_ID_STORAGE_KEY),
    set: (deviceId) => taroStorage.set(DEVICE_ID_STORAGE_KEY, deviceId),
  },
});

export const { signIn, getMe } = authService;

// Signing out drops the session and, with it, every cached answer about the applicant
// (services/session.ts); a demo applicant's clock goes too, so the next person sees today.
export async function signOut(): Promise<void> {
  try {
    await authService.signOut();
  } finally {
    setClockOverride(null);
    forgetDemoClock();
  }
}
