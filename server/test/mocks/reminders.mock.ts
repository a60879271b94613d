import { ApplicantRepository } from '../../src/modules/applicant/applicant.repository';
import { InboxMessageRepository } from '../../src/modules/reminders/inbox-message.repository';
import { ReminderAlertRepository } from '../../src/modules/reminders/reminder-alert.repository';
import { ReminderCursorRepository } from '../../src/modules/reminders/reminder-cursor.repository';
import { SubscriptionRepository } from '../../src/modules/reminders/subscription.repository';
import type { UnitOfWork } from '../../src/database/unit-of-work';
import { mockMethods } from './mock-methods';

export const newInboxMessageRepositoryMock = (): jest.Mocked<InboxMessageRepository> => {
  const mock = mockMethods(InboxMessageRepository);
  // The push worker's transactions run their work at once.
  mock.transaction.mockImplementation((work) => work());
  return mock;
};
export const newSubscriptionRepositoryMock = (): jest.Mocked<SubscriptionRepository> =>
  mockMethods(SubscriptionRepository);
export const newReminderAlertRepositoryMock = (): jest.Mocked<ReminderAlertRepository> =>
  mockMethods(ReminderAlertRepository);
export const newReminderCursorRepositoryMock = (): jest.Mocked<ReminderCursorRepository> =>
  mockMethods(ReminderCursorRepository);
export const newApplicantRepositoryMock = (): jest.Mocked<ApplicantRepository> =>
  mockMethods(ApplicantRepository);

// A unit of work whose write runs the work at once, with no database behind it.
export const newUnitOfWorkMock = (): jest.Mocked<UnitOfWork> => {
  const write = jest.fn((work: (manager: never) => Promise<unknown>) => work({} as never));
  return { write } as unknown as jest.Mocked<UnitOfWork>;
};
