import { LeaseRepository } from '../common/lease/lease.repository';
import { LeaseService } from '../common/lease/lease.service';
import type { UnitOfWork } from '../database/unit-of-work';
import { ApplicationRepository } from '../modules/application/application.repository';
import { BindingRepository } from '../modules/binding/binding.repository';
import type { NoticeYearRegistry } from '../modules/calendar/notice-year-registry.service';
import { DomainEventRepository } from '../modules/domain-event/domain-event.repository';
import { FactRepository } from '../modules/fact-store/fact.repository';
import { InboxMessageRepository } from '../modules/reminders/inbox-message.repository';
import { PlannerService } from '../modules/reminders/planner.service';
import { ReminderAlertRepository } from '../modules/reminders/reminder-alert.repository';
import { ReminderCursorRepository } from '../modules/reminders/reminder-cursor.repository';

// The planner as the server wires it, over the benches' own connection (no Nest container).
export function benchPlanner(
  unitOfWork: UnitOfWork,
  noticeYears: NoticeYearRegistry,
  chunkSize: number,
): PlannerService {
  return new PlannerService(
    unitOfWork,
    new ReminderCursorRepository(unitOfWork),
    new DomainEventRepository(unitOfWork),
    new ApplicationRepository(unitOfWork),
    new BindingRepository(unitOfWork),
    new ReminderAlertRepository(unitOfWork),
    new InboxMessageRepository(unitOfWork),
    new LeaseService(new LeaseRepository(unitOfWork)),
    noticeYears,
    new FactRepository(unitOfWork),
    { holderId: 'bench', leaseTtlMs: 600_000, chunkSize },
  );
}
