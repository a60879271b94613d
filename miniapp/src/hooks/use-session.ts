import { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';

import type { SessionResponse } from '@titletrack/shared/contract';

import { session } from '../services/session';
import { onSessionChanged } from '../services/session-events';

// The signed-in applicant, or null; re-read when a page shows and when the session changes.
export function useSession(): SessionResponse | null {
  const read = (): SessionResponse | null =>
    session.isExpired(new Date()) ? null : session.getSession();
  const [value, setValue] = useState(read);
  useEffect(() => onSessionChanged(() => setValue(read())), []);
  useDidShow(() => setValue(read()));
  return value;
}
