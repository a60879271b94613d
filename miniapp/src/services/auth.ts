import Taro from '@tarojs/taro';

import { createAuthService } from './auth-service';
import { http } from './http';
import { session } from './session';
import { taroStorage } from './taro-storage';
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

export const { signIn, signOut, getMe } = authService;
