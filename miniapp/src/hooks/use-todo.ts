import type { ApplicationProgressResponse } from '@titletrack/shared/contract';
import { ACTION_KIND, attachmentChecklist, nextActions } from '@titletrack/shared/domain';
import type { AttachmentChecklist, NextAction, NoticeYear } from '@titletrack/shared/domain';

import type { NoticeYearLookup } from '../utils/notice-years';

export interface TodoItem {
  applicationId: string;
  applicationNo: string;
  action: NextAction;
  year: NoticeYear;
  // R5–R8 attachments, for the actions that gather material.
  checklist: AttachmentChecklist | null;
}

const GATHERS_MATERIAL: ReadonlySet<string> = new Set([
  ACTION_KIND.SUBMIT_APPLICATION,
  ACTION_KIND.REVISE_APPLICATION,
]);

// The to-dos of every bound application (shared nextActions), most urgent first across them.
// An application whose notice is not published (yet) has none: no deadline beats a wrong one.
export function todoItems(
  progress: readonly ApplicationProgressResponse[],
  now: Date,
  yearOf: NoticeYearLookup,
): TodoItem[] {
  const items: TodoItem[] = [];
  for (const entry of progress) {
    const year = yearOf(entry.application);
    if (!year) continue;
    const { application } = entry;
    for (const action of nextActions(application, year, now)) {
      const checklist = GATHERS_MATERIAL.has(action.kind)
        ? attachmentChecklist(
            {
              year: application.year,
              series: application.series,
              employerKind: application.employerKind,
              isFirstApplication: application.isFirstApplication,
              isExempt: application.isContinuingEducationExempt,
              // Unknown to the mirror: assume the usual case (a CHSI record, nothing classified).
              hasChsiRecord: true,
              hasClassifiedMaterial: false,
            },
            year.rules,
          )
        : null;
      items.push({
        applicationId: application.id,
        applicationNo: entry.applicationNo,
        action,
        year,
        checklist,
      });
    }
  }
  // nextActions orders within an application; across applications, tasks first, then deadline.
  return items.sort((a, b) => {
    if (a.action.isTask !== b.action.isTask) return a.action.isTask ? -1 : 1;
    const da = a.action.deadline?.getTime() ?? Number.POSITIVE_INFINITY;
    const db = b.action.deadline?.getTime() ?? Number.POSITIVE_INFINITY;
    return da - db;
  });
}
