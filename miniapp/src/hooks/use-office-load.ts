import { useCallback, useEffect, useRef, useState } from 'react';

import { toApiError } from '../services/http-client';
import type { ApiError } from '../services/api-error';

export interface OfficeLoad<T> {
  data: T | null;
  error: ApiError | null;
  isLoading: boolean;
  reload: () => void;
}

// One request's answer for a console screen, re-read when `key` changes; a late answer for an
// older key never overwrites a newer one.
export function useOfficeLoad<T>(load: (() => Promise<T>) | null, key: string): OfficeLoad<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isLoading, setLoading] = useState(load !== null);
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const current = loadRef.current;
    if (!current) return;
    const ticket = (latest.current += 1);
    setLoading(true);
    setError(null);
    current().then(
      (value) => {
        if (ticket !== latest.current) return;
        setData(value);
        setLoading(false);
      },
      (failure: unknown) => {
        if (ticket !== latest.current) return;
        setData(null);
        setError(toApiError(failure));
        setLoading(false);
      },
    );
  }, [key, round]);

  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { data, error, isLoading, reload };
}
