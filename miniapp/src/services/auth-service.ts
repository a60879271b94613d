import { API_ROUTES, ERROR_CODE } from '@titletrack/shared/contract';
import type {
  DevLoginRequest,
  MeResponse,
  SessionResponse,
  WechatLoginRequest,
} from '@titletrack/shared/contract';

import { ApiError } from './api-error';
import type { HttpClient } from './http-client';
import type { SessionStore, StoredSession } from './session-store';
import { createDeviceId } from '../utils/device-id';

// Where the H5 device id is kept; injected so tests can use memory instead of Taro storage.
export interface DeviceIdStore {
  get(): string | null;
  set(deviceId: string): void;
}

export interface AuthServiceDeps {
  http: Pick<HttpClient, 'get' | 'post'>;
  store: SessionStore;
  // Taro.login on weapp: a single-use code the server trades for the openid.
  platformLogin: () => Promise<{ code: string }>;
  isWeapp: () => boolean;
  deviceIdStore: DeviceIdStore;
  newDeviceId?: () => string;
}

export interface AuthService {
  signIn(): Promise<StoredSession>;
  signOut(): Promise<void>;
  getMe(): Promise<MeResponse>;
}

export function createAuthService(deps: AuthServiceDeps): AuthService {
  const newDeviceId = deps.newDeviceId ?? createDeviceId;

  // Generated once and kept, so the same browser stays the same applicant (and keeps its bindings).
  const deviceId = (): string => {
    const stored = deps.deviceIdStore.get();
    if (stored) return stored;
    const created = newDeviceId();
    deps.deviceIdStore.set(created);
    return created;
  };

  // On H5 the answer holds no token (it came as a cookie).
  const requestSession = async (): Promise<StoredSession> => {
    if (deps.isWeapp()) {
      const { code } = await deps.platformLogin();
      const body: WechatLoginRequest = { code };
      return deps.http.post<SessionResponse>(API_ROUTES.authWechat, body);
    }
    // No WeChat outside weapp: H5 demos use the development login, which production refuses
    // with DEV_LOGIN_DISABLED (left to the caller to show).
    const body: DevLoginRequest = { devUserId: deviceId() };
    return deps.http.post<StoredSession>(API_ROUTES.authDev, body);
  };

  return {
    async signIn() {
      const session = await requestSession();
      deps.store.save(session);
      return session;
    },

    // The local session is dropped whatever the server answers: on a shared phone, "sign out"
    // must sign out even offline. A 401 means the server already forgot the token, so it is not
    // an error; any other failure is still reported after clearing.
    async signOut() {
      try {
        // getSession, not getToken: on H5 the token is in a cookie the page cannot read.
        if (deps.store.getSession()) await deps.http.post<void>(API_ROUTES.authLogout);
      } catch (error) {
        if (!(error instanceof ApiError && error.code === ERROR_CODE.UNAUTHENTICATED)) throw error;
      } finally {
        deps.store.clear();
      }
    },

    getMe: () => deps.http.get<MeResponse>(API_ROUTES.me),
  };
}
