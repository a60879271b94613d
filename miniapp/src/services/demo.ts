import { API_ROUTES } from '@titletrack/shared/contract';
import type { DemoLoginRequest, DemoLoginResponse, DemoPersona } from '@titletrack/shared/contract';

import { setClockOverride } from '../utils/clock';
import { http } from './http';
import { session } from './session';
import { notifySessionChanged } from './session-events';
import { taroStorage } from './taro-storage';

export const DEMO_CLOCK_STORAGE_KEY = 'titletrack.demoClock';

// The demo clock is kept as an offset from the device clock, so time still runs after a restart.
export function restoreDemoClock(): void {
  const offset = Number(taroStorage.get(DEMO_CLOCK_STORAGE_KEY));
  if (Number.isFinite(offset) && offset !== 0) setClockOverride(new Date(Date.now() + offset));
}

export function forgetDemoClock(): void {
  taroStorage.remove(DEMO_CLOCK_STORAGE_KEY);
}

// "Try as a demo applicant": only a non-production server answers (DEV_LOGIN_DISABLED otherwise).
export async function signInAsDemo(persona: DemoPersona): Promise<DemoLoginResponse> {
  const body: DemoLoginRequest = { persona };
  const response = await http.post<DemoLoginResponse>(API_ROUTES.authDemo, body);
  const { applicationId: _applicationId, demoNow, ...sessionResponse } = response;
  session.save(sessionResponse);
  const at = new Date(demoNow);
  setClockOverride(at);
  taroStorage.set(DEMO_CLOCK_STORAGE_KEY, String(at.getTime() - Date.now()));
  notifySessionChanged();
  return response;
}
