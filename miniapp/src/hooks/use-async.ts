import { useCallback, useEffect, useRef, useState } from 'react';

import { ApiError } from '../services/api-error';
import { toApiError } from '../services/http-client';

export interface AsyncState<T> {
  data: T | null;
  error: ApiError | null;
  isLoading: boolean;
  reload: () => void;
}

// Loading, error and retry for one screen's data; a stale answer never overwrites a newer one.
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const run = ++latest.current;
    setIsLoading(true);
    setError(null);
    load()
      .then((value) => {
        if (run === latest.current) setData(value);
      })
      .catch((failure: unknown) => {
        if (run === latest.current)
          setError(failure instanceof ApiError ? failure : toApiError(failure));
      })
      .finally(() => {
        if (run === latest.current) setIsLoading(false);
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, isLoading, reload };
}
