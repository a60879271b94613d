import { useEffect, useState } from 'react';

import { appNow } from '../utils/clock';

// The app's clock (device time, or the demo clock), re-read every `intervalMs`.
export function useNow(intervalMs = 1000): Date {
  const [now, setNow] = useState(() => appNow());
  useEffect(() => {
    const timer = setInterval(() => setNow(appNow()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
