import type { ActionScreen } from '@titletrack/shared/domain';

import { ROUTES } from './routes';

// The page a to-do's screen target opens (NextAction.target); the attachment checklist lives on
// the application page, which scrolls to it.
export function screenUrl(screen: ActionScreen, applicationId: string): string {
  switch (screen) {
    case 'fee':
      return ROUTES.fee;
    case 'certificate':
      return ROUTES.certificate;
    case 'facts':
      return ROUTES.facts;
    case 'application':
      return ROUTES.application(applicationId);
    case 'checklist':
      return `${ROUTES.application(applicationId)}&focus=checklist`;
  }
}

// Ticking is optimistic: the new set at once, the old one back if the server refuses.
export function toggledKeys(keys: readonly string[], key: string, isDone: boolean): string[] {
  const rest = keys.filter((k) => k !== key);
  return isDone ? [...rest, key] : rest;
}
