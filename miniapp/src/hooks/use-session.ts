import { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';

import { session } from '../services/session';
import { onSessionChanged } from '../services/session-events';
import type { StoredSession } from '../services/session-store';

// The signed-in applicant, or null; re-read when a page shows and when the session changes.
export function useSession(): StoredSession | null {
  const read = (): StoredSession | null =>
    session.isExpired(new Date()) ? null : session.getSession();
  const [value, setValue] = useState(read);
  useEffect(() => onSessionChanged(() => setValue(read())), []);
  useDidShow(() => setValue(read()));
  return value;
}
