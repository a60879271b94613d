import { useCallback, useEffect, useRef, useState } from 'react';

import { ApiError } from '../services/api-error';
import { toApiError } from '../services/http-client';
import { screenCache } from '../services/screen-cache.taro';

export interface CachedState<T> {
  data: T | null;
  error: ApiError | null;
  isLoading: boolean;
  // The network failed and `data` is the stored copy from `asOf`.
  isOffline: boolean;
  asOf: number | null;
  reload: () => void;
}

export interface CachedOptions {
  // Asked when an answer arrives, before it is stored: false drops it (e.g. it is about an
  // applicant who signed out while it was on its way).
  canKeep?: () => boolean;
}

// A screen's data with its last good answer kept in storage: shown at once while the network
// answers (no blank screen), and shown with its time when the network fails. `key` null: nothing
// to load (e.g. signed out).
export function useCached<T>(
  key: string | null,
  load: () => Promise<T>,
  deps: readonly unknown[],
  options: CachedOptions = {},
): CachedState<T> {
  const initial = key === null ? null : screenCache.get<T>(key);
  const [data, setData] = useState<T | null>(initial?.data ?? null);
  const [asOf, setAsOf] = useState<number | null>(initial?.savedAt ?? null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isLoading, setIsLoading] = useState(key !== null);
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const shownKey = useRef(key);
  const canKeep = useRef(options.canKeep);
  canKeep.current = options.canKeep;

  useEffect(() => {
    const run = ++latest.current;
    const cached = key === null ? null : screenCache.get<T>(key);
    if (cached) {
      setData(cached.data);
      setAsOf(cached.savedAt);
    } else if (shownKey.current !== key) {
      // Another key (signed out, or someone else signed in): what was on screen is not theirs.
      setData(null);
      setAsOf(null);
      setError(null);
    }
    shownKey.current = key;
    if (key === null) {
      setIsLoading(false);
      return;
    }
    setIsLoading(true);
    setError(null);
    load()
      .then((value) => {
        if (run !== latest.current) return;
        if (canKeep.current && !canKeep.current()) return;
        const saved = screenCache.set(key, value);
        setData(value);
        setAsOf(saved.savedAt);
      })
      .catch((failure: unknown) => {
        if (run === latest.current)
          setError(failure instanceof ApiError ? failure : toApiError(failure));
      })
      .finally(() => {
        if (run === latest.current) setIsLoading(false);
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ...deps, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const isOffline = error !== null && error.isTransient && data !== null;
  return { data, error, isLoading, isOffline, asOf, reload };
}
