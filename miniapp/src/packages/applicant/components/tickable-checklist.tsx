import type { AttachmentChecklist as Checklist } from '@titletrack/shared/domain';

import { AttachmentChecklist } from '../../../components/attachment-checklist';
import { useChecklist } from '../../../hooks/use-checklist';

// One application's checklist wired to its ticks on the server.
export function TickableChecklist({
  applicationId,
  checklist,
}: {
  applicationId: string;
  checklist: Checklist;
}): JSX.Element {
  const { tickedKeys, error, tick } = useChecklist(applicationId);
  return (
    <AttachmentChecklist
      checklist={checklist}
      tickedKeys={tickedKeys}
      onTick={tick}
      error={error}
    />
  );
}
