import { PRINCIPAL_KIND, STAFF_ROLE } from '@titletrack/shared/contract';
import type { StaffPrincipal } from '@titletrack/shared/contract';

import { buildApplicationEntity } from '../../../test/factories/application.factory';
import { mockMethods } from '../../../test/mocks/mock-methods';
import {
  newInboxMessageRepositoryMock,
  newReminderAlertRepositoryMock,
} from '../../../test/mocks/reminders.mock';
import { ApplicationRepository } from '../application/application.repository';
import type { InboxMessageRepository, MessagePushRow } from './inbox-message.repository';
import type { ReminderAlertRepository } from './reminder-alert.repository';
import { StaffRemindersService } from './staff-reminders.service';

const PLANNED_AT = new Date('2023-08-15T03:00:00Z');
const OFFICE: StaffPrincipal = {
  kind: PRINCIPAL_KIND.STAFF,
  id: '2',
  username: 'office',
  displayName: '职称办',
  role: STAFF_ROLE.PREFECTURE_OFFICE,
  regionCode: '6532',
  county: null,
  series: null,
};
const XINJIANG_OFFICE: StaffPrincipal = { ...OFFICE, regionCode: '65' };

const buildMessage = (overrides: Partial<MessagePushRow> = {}): MessagePushRow => ({
  id: 21,
  alertId: 1,
  applicantId: 3,
  applicationId: 7,
  kind: 'application_returned',
  pushState: 'sent',
  pushAttempts: 1,
  pushError: null,
  pushedAt: new Date('2023-08-15T03:00:05Z'),
  readAt: null,
  ...overrides,
});

describe(StaffRemindersService.name, () => {
  let sut: StaffRemindersService;
  let alerts: jest.Mocked<ReminderAlertRepository>;
  let inboxMessages: jest.Mocked<InboxMessageRepository>;
  let applications: jest.Mocked<ApplicationRepository>;

  beforeEach(() => {
    alerts = newReminderAlertRepositoryMock();
    inboxMessages = newInboxMessageRepositoryMock();
    applications = mockMethods(ApplicationRepository);
    applications.getById.mockResolvedValue(buildApplicationEntity());
    sut = new StaffRemindersService(alerts, inboxMessages, applications);
  });

  const expectNoWrites = (): void => {
    expect(alerts.createMany).not.toHaveBeenCalled();
    expect(inboxMessages.createForApplications).not.toHaveBeenCalled();
    expect(inboxMessages.markRead).not.toHaveBeenCalled();
    expect(inboxMessages.markAllRead).not.toHaveBeenCalled();
  };

  describe('getApplicationAlerts', () => {
    it('counts per alert kind what was planned, put in an inbox, read and pushed, and lists each alert with its messages', async () => {
      alerts.getByApplicationId.mockResolvedValue([
        {
          id: 1,
          kind: 'application_returned',
          dedupeKey: '7:application_returned:x',
          deadline: new Date('2023-08-17T02:00:00Z'),
          createdAt: PLANNED_AT,
        },
        {
          id: 2,
          kind: 'revision_deadline_approaching',
          dedupeKey: '7:revision:x',
          deadline: null,
          createdAt: PLANNED_AT,
        },
      ]);
      inboxMessages.getByApplicationId.mockResolvedValue([
        buildMessage({ readAt: PLANNED_AT }),
        buildMessage({ id: 22, applicantId: 4, pushState: 'claimed', pushedAt: null }),
        buildMessage({ id: 23, alertId: 2, pushState: 'no_subscription', pushedAt: null }),
        buildMessage({
          id: 24,
          alertId: 2,
          applicantId: 4,
          pushState: 'outcome_unknown',
          pushError: 'worker stopped',
          pushedAt: null,
        }),
      ]);

      const view = await sut.getApplicationAlerts(OFFICE, 7);

      expect(view.applicationId).toBe('7');
      expect(view.kinds).toEqual([
        expect.objectContaining({
          kind: 'application_returned',
          planned: 1,
          inbox: 2,
          read: 1,
          pushed: 1,
          pending: 1,
        }),
        expect.objectContaining({
          kind: 'revision_deadline_approaching',
          planned: 1,
          inbox: 2,
          read: 0,
          noSubscription: 1,
          outcomeUnknown: 1,
        }),
      ]);
      expect(view.alerts[0]).toEqual({
        id: '1',
        kind: 'application_returned',
        dedupeKey: '7:application_returned:x',
        deadline: '2023-08-17T02:00:00.000Z',
        plannedAt: PLANNED_AT.toISOString(),
        messages: [
          {
            id: '21',
            applicantId: '3',
            pushState: 'sent',
            pushAttempts: 1,
            pushError: null,
            pushedAt: '2023-08-15T03:00:05.000Z',
            readAt: PLANNED_AT.toISOString(),
          },
          {
            id: '22',
            applicantId: '4',
            pushState: 'claimed',
            pushAttempts: 1,
            pushError: null,
            pushedAt: null,
            readAt: null,
          },
        ],
      });
      expect(view.alerts[1]?.messages.map((m) => m.id)).toEqual(['23', '24']);
      expectNoWrites();
    });
  });

  describe('getApplicationAlerts outside the scope', () => {
    it('answers an application of another region or county like one that does not exist', async () => {
      applications.getById.mockResolvedValueOnce(buildApplicationEntity({ regionCode: '6531' }));
      await expect(sut.getApplicationAlerts(OFFICE, 7)).rejects.toMatchObject({
        code: 'APPLICATION_NOT_FOUND',
      });
      applications.getById.mockResolvedValueOnce(buildApplicationEntity({ county: '和田市' }));
      await expect(
        sut.getApplicationAlerts(
          { ...OFFICE, role: STAFF_ROLE.COUNTY_HR_BUREAU, county: '于田县' },
          7,
        ),
      ).rejects.toMatchObject({ code: 'APPLICATION_NOT_FOUND' });
      applications.getById.mockResolvedValueOnce(null);
      await expect(sut.getApplicationAlerts(OFFICE, 8)).rejects.toMatchObject({
        code: 'APPLICATION_NOT_FOUND',
      });
      expect(alerts.getByApplicationId).not.toHaveBeenCalled();
      expectNoWrites();
    });
  });

  describe('getSummary', () => {
    it('gives a prefecture office its region’s log only, a notice message without an application', async () => {
      inboxMessages.countByPushStateInScope.mockResolvedValue({ sent: 2 });
      inboxMessages.getByPushStatesInScope.mockResolvedValue([
        buildMessage({
          id: 31,
          applicationId: null,
          kind: 'notice_published',
          pushState: 'failed',
        }),
      ]);

      await expect(sut.getSummary(OFFICE)).resolves.toMatchObject({
        byState: { sent: 2 },
        needsAttention: [{ id: '31', applicationId: null, kind: 'notice_published' }],
      });
      expect(inboxMessages.countByPushStateInScope).toHaveBeenCalledWith({
        regionCode: '6532',
        county: null,
        series: null,
      });
      expect(inboxMessages.countByPushState).not.toHaveBeenCalled();
      expect(inboxMessages.getByPushStates).not.toHaveBeenCalled();
    });

    it('gives the pushes per state and the rows a person must look at', async () => {
      inboxMessages.countByPushState.mockResolvedValue({ sent: 4, failed: 1 });
      inboxMessages.getByPushStates.mockResolvedValue([
        buildMessage({
          id: 30,
          pushState: 'failed',
          pushError: '47003 argument invalid',
          pushAttempts: 1,
        }),
      ]);

      await expect(sut.getSummary(XINJIANG_OFFICE)).resolves.toEqual({
        byState: { sent: 4, failed: 1 },
        needsAttention: [
          {
            id: '30',
            applicationId: '7',
            kind: 'application_returned',
            pushState: 'failed',
            pushError: '47003 argument invalid',
            pushAttempts: 1,
          },
        ],
      });
      expect(inboxMessages.getByPushStates).toHaveBeenCalledWith(
        ['outcome_unknown', 'failed'],
        200,
      );
      expectNoWrites();
    });
  });
});
