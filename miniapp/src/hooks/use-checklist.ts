import { useEffect, useRef, useState } from 'react';

import { useT } from '../locales';
import { getMyChecklist, tickMyChecklist } from '../services/facts';
import { toApiError } from '../services/http-client';
import { toggledKeys } from '../utils/action-target';

export interface ChecklistState {
  tickedKeys: string[];
  error: string | null;
  tick: (key: string, isDone: boolean) => void;
}

// The ticks of one application's attachment checklist: shown at once when tapped, put back as
// they were when the server refuses (and the reason said).
export function useChecklist(applicationId: string | null): ChecklistState {
  const t = useT();
  const [tickedKeys, setTickedKeys] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const current = useRef<string[]>([]);
  current.current = tickedKeys;

  useEffect(() => {
    if (!applicationId) return;
    let isLive = true;
    getMyChecklist(applicationId)
      .then((answer) => {
        if (isLive) setTickedKeys(answer.tickedItemKeys);
      })
      .catch((failure: unknown) => {
        if (isLive) setError(t(`errors.${toApiError(failure).code}`));
      });
    return () => {
      isLive = false;
    };
  }, [applicationId, t]);

  const tick = (key: string, isDone: boolean): void => {
    if (!applicationId) return;
    const before = current.current;
    setError(null);
    setTickedKeys(toggledKeys(before, key, isDone));
    tickMyChecklist(applicationId, { itemKey: key, isDone })
      .then((answer) => setTickedKeys(answer.tickedItemKeys))
      .catch((failure: unknown) => {
        setTickedKeys(before);
        setError(t(`errors.${toApiError(failure).code}`));
      });
  };
  return { tickedKeys, error, tick };
}
