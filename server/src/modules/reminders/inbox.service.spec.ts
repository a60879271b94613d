import { Logger } from '@nestjs/common';

import { ERROR_CODE } from '@titletrack/shared/contract';

import { newInboxMessageRepositoryMock } from '../../../test/mocks/reminders.mock';
import type { InboxMessageRepository, InboxMessageRow } from './inbox-message.repository';
import { InboxService } from './inbox.service';

const NOW = new Date('2023-08-16T04:00:00Z');

const buildRow = (overrides: Partial<InboxMessageRow> = {}): InboxMessageRow => ({
  id: 11,
  applicationId: 7,
  kind: 'application_returned',
  readAt: null,
  pushState: 'claimed',
  createdAt: new Date('2023-08-15T03:00:00Z'),
  ruleId: 'R4',
  section: '四(一)1',
  deadline: new Date('2023-08-17T02:00:00Z'),
  data: { submissionsLeft: 2 },
  ...overrides,
});

describe(InboxService.name, () => {
  let sut: InboxService;
  let inboxMessages: jest.Mocked<InboxMessageRepository>;

  afterEach(() => jest.restoreAllMocks());

  beforeEach(() => {
    inboxMessages = newInboxMessageRepositoryMock();
    sut = new InboxService(inboxMessages);
  });

  const expectNoWrites = (): void => {
    expect(inboxMessages.createForApplications).not.toHaveBeenCalled();
    expect(inboxMessages.markRead).not.toHaveBeenCalled();
    expect(inboxMessages.markAllRead).not.toHaveBeenCalled();
    expect(inboxMessages.transaction).not.toHaveBeenCalled();
  };

  describe('getPage', () => {
    it('maps a page of messages with the counts, newest first as the repository gives them', async () => {
      inboxMessages.getPageByApplicant.mockResolvedValue([
        buildRow({ id: 12, pushState: 'sent' }),
        buildRow(),
      ]);
      inboxMessages.countByApplicant.mockResolvedValue({ total: 5, unread: 2 });

      await expect(sut.getPage(3, 2, 2)).resolves.toEqual({
        items: [
          expect.objectContaining({ id: '12', pushState: 'sent' }),
          {
            id: '11',
            applicationId: '7',
            kind: 'application_returned',
            ruleId: 'R4',
            section: '四(一)1',
            deadline: '2023-08-17T02:00:00.000Z',
            data: { submissionsLeft: 2 },
            createdAt: '2023-08-15T03:00:00.000Z',
            readAt: null,
            pushState: 'pending',
          },
        ],
        page: 2,
        pageSize: 2,
        total: 5,
        unread: 2,
      });
      expect(inboxMessages.getPageByApplicant).toHaveBeenCalledWith(3, 2, 2);
    });

    it('shows the worker’s internal states as pending, and an unknown state as pending too', async () => {
      inboxMessages.getPageByApplicant.mockResolvedValue([
        buildRow({ pushState: 'ready' }),
        buildRow({ pushState: 'sending' }),
        buildRow({ pushState: 'something_new' }),
        buildRow({ pushState: 'outcome_unknown' }),
      ]);
      inboxMessages.countByApplicant.mockResolvedValue({ total: 4, unread: 4 });

      const page = await sut.getPage(3, 1, 20);

      expect(page.items.map((m) => m.pushState)).toEqual([
        'pending',
        'pending',
        'pending',
        'outcome_unknown',
      ]);
    });

    it('writes nothing: reading the inbox neither plans nor fills it', async () => {
      inboxMessages.getPageByApplicant.mockResolvedValue([]);
      inboxMessages.countByApplicant.mockResolvedValue({ total: 0, unread: 0 });

      await expect(sut.getPage(3, 1, 20)).resolves.toMatchObject({
        items: [],
        total: 0,
        unread: 0,
      });
      expectNoWrites();
    });
  });

  describe('getUnreadCount', () => {
    it('counts the unread messages and writes nothing', async () => {
      inboxMessages.countUnreadByApplicant.mockResolvedValue(4);

      await expect(sut.getUnreadCount(3)).resolves.toEqual({ unread: 4 });
      expect(inboxMessages.countUnreadByApplicant).toHaveBeenCalledWith(3);
      expectNoWrites();
    });
  });

  describe('markRead', () => {
    it('marks the applicant’s own message read and returns it', async () => {
      inboxMessages.markRead.mockResolvedValue(1);
      inboxMessages.getByIdForApplicant.mockResolvedValue(buildRow({ readAt: NOW }));

      await expect(sut.markRead(3, '11', NOW)).resolves.toMatchObject({
        id: '11',
        readAt: NOW.toISOString(),
      });
      expect(inboxMessages.markRead).toHaveBeenCalledWith(3, 11, NOW);
    });

    it('answers NOT_FOUND for someone else’s message, exactly as for one that does not exist', async () => {
      jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
      inboxMessages.markRead.mockResolvedValue(0);
      inboxMessages.getByIdForApplicant.mockResolvedValue(null);

      await expect(sut.markRead(3, '99', NOW)).rejects.toMatchObject({
        code: ERROR_CODE.NOT_FOUND,
      });
      expect(inboxMessages.getByIdForApplicant).toHaveBeenCalledWith(3, 99);
      expect(inboxMessages.markAllRead).not.toHaveBeenCalled();
    });
  });

  describe('markAllRead', () => {
    it('returns how many messages it marked', async () => {
      inboxMessages.markAllRead.mockResolvedValue(2);

      await expect(sut.markAllRead(3, NOW)).resolves.toEqual({ marked: 2 });
      expect(inboxMessages.markAllRead).toHaveBeenCalledWith(3, NOW);
      expect(inboxMessages.markRead).not.toHaveBeenCalled();
    });
  });
});
