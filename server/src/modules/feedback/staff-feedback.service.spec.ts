import { Logger } from '@nestjs/common';

import { ERROR_CODE, PRINCIPAL_KIND, STAFF_ROLE } from '@titletrack/shared/contract';
import type { StaffPrincipal } from '@titletrack/shared/contract';

import { mockMethods } from '../../../test/mocks/mock-methods';
import { newUnitOfWorkStub } from '../../../test/mocks/unit-of-work.mock';
import type { UnitOfWorkStub } from '../../../test/mocks/unit-of-work.mock';
import { AuditLogRepository } from '../../common/audit/audit-log.repository';
import { FieldCipher } from '../../common/crypto/field-cipher';
import { InboxMessageRepository } from '../reminders/inbox-message.repository';
import { ReminderAlertRepository } from '../reminders/reminder-alert.repository';
import { FeedbackEntity } from './feedback.entity';
import { FeedbackRepository } from './feedback.repository';
import { StaffFeedbackService, feedbackReplyKey } from './staff-feedback.service';

const NOW = new Date('2026-11-29T08:00:00Z');
const HOTAN_OFFICE: StaffPrincipal = {
  kind: PRINCIPAL_KIND.STAFF,
  id: '2',
  username: 'hotan',
  displayName: '和田职称办',
  role: STAFF_ROLE.PREFECTURE_OFFICE,
  regionCode: '6532',
  county: null,
  series: null,
};
const KASHGAR_OFFICE: StaffPrincipal = { ...HOTAN_OFFICE, id: '4', regionCode: '6531' };
const REGION_OFFICE: StaffPrincipal = { ...HOTAN_OFFICE, id: '5', regionCode: '65' };

function buildFeedback(overrides: Partial<FeedbackEntity> = {}): FeedbackEntity {
  return Object.assign(new FeedbackEntity(), {
    id: 7,
    applicantId: 3,
    regionCode: '6532',
    category: 'complaint',
    text: '办理太慢',
    contactSealed: 'sealed(13912345678)',
    state: 'open',
    reply: null,
    replyCount: 0,
    repliedAt: null,
    repliedByStaffUserId: null,
    handledAt: null,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  });
}

describe(StaffFeedbackService.name, () => {
  let sut: StaffFeedbackService;
  let unitOfWork: UnitOfWorkStub;
  let feedbackRepository: jest.Mocked<FeedbackRepository>;
  let alerts: jest.Mocked<ReminderAlertRepository>;
  let inboxMessages: jest.Mocked<InboxMessageRepository>;
  let auditLogRepository: jest.Mocked<AuditLogRepository>;

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    unitOfWork = newUnitOfWorkStub();
    feedbackRepository = mockMethods(FeedbackRepository);
    alerts = mockMethods(ReminderAlertRepository);
    inboxMessages = mockMethods(InboxMessageRepository);
    auditLogRepository = mockMethods(AuditLogRepository);
    const cipher = mockMethods(FieldCipher);
    cipher.decrypt.mockImplementation((token) => token.replace(/^sealed\((.*)\)$/, '$1'));
    sut = new StaffFeedbackService(
      unitOfWork.unitOfWork,
      feedbackRepository,
      alerts,
      inboxMessages,
      auditLogRepository,
      cipher,
    );
  });

  afterEach(() => jest.restoreAllMocks());

  describe('getPage', () => {
    it('lists my region only, contacts masked', async () => {
      feedbackRepository.getPage.mockResolvedValue([buildFeedback()]);
      feedbackRepository.count.mockResolvedValue(1);

      const page = await sut.getPage(HOTAN_OFFICE, { state: 'open', page: 2, pageSize: 10 });

      expect(feedbackRepository.getPage).toHaveBeenCalledWith(
        { regionCode: '6532', state: 'open' },
        10,
        10,
      );
      expect(page).toMatchObject({ page: 2, pageSize: 10, total: 1 });
      expect(page.items[0]).toMatchObject({ id: '7', contactMasked: '139****78' });
      expect(JSON.stringify(page)).not.toContain('13912345678');
      expect(auditLogRepository.create).not.toHaveBeenCalled();
    });

    it('lists every region for the autonomous region’s office', async () => {
      feedbackRepository.getPage.mockResolvedValue([]);
      feedbackRepository.count.mockResolvedValue(0);

      await sut.getPage(REGION_OFFICE, {});

      expect(feedbackRepository.getPage).toHaveBeenCalledWith(
        { regionCode: null, state: null },
        0,
        20,
      );
    });
  });

  describe('get', () => {
    it('shows the contact and audits the opening', async () => {
      feedbackRepository.getById.mockResolvedValue(buildFeedback());

      await expect(sut.get(HOTAN_OFFICE, '7')).resolves.toMatchObject({
        contact: '13912345678',
      });

      expect(auditLogRepository.create).toHaveBeenCalledWith({
        staffUserId: 2,
        action: 'feedback.open',
        targetType: 'feedback',
        targetId: '7',
        detail: '{}',
      });
    });

    it('answers another region’s item like one that does not exist, and audits nothing', async () => {
      feedbackRepository.getById.mockResolvedValue(buildFeedback());

      await expect(sut.get(KASHGAR_OFFICE, '7')).rejects.toMatchObject({
        code: ERROR_CODE.NOT_FOUND,
      });
      expect(auditLogRepository.create).not.toHaveBeenCalled();
    });
  });

  describe('reply', () => {
    it('writes the reply, the applicant’s inbox message and the audit record in one unit of work', async () => {
      const reply = '已核实，补充通知将写明报送地点。';
      feedbackRepository.getById
        .mockResolvedValueOnce(buildFeedback())
        .mockResolvedValueOnce(
          buildFeedback({ state: 'replied', reply, replyCount: 1, repliedAt: NOW }),
        );
      alerts.getIdsByDedupeKeys.mockResolvedValue(new Map([[feedbackReplyKey(7, 1), 41]]));

      await expect(
        sut.reply(HOTAN_OFFICE, '7', { reply: ` ${reply} ` }, NOW),
      ).resolves.toMatchObject({ state: 'replied', reply });

      expect(feedbackRepository.reply).toHaveBeenCalledWith(
        7,
        { reply, staffUserId: 2, isHandled: false },
        NOW,
      );
      expect(alerts.createWithoutApplication).toHaveBeenCalledWith([
        {
          dedupeKey: 'feedback:7:reply:1',
          kind: 'feedback_replied',
          ruleId: '',
          section: '',
          deadline: null,
          data: { feedbackId: '7', category: 'complaint', replyExcerpt: reply },
        },
      ]);
      expect(inboxMessages.createInboxOnly).toHaveBeenCalledWith(
        { alertId: 41, applicantId: 3, kind: 'feedback_replied' },
        NOW,
      );
      expect(auditLogRepository.create).toHaveBeenCalledWith(
        expect.objectContaining({ staffUserId: 2, action: 'feedback.reply', targetId: '7' }),
      );
      expect(unitOfWork.opened()).toBe(1);
      expect(unitOfWork.committed()).toBe(1);
    });

    it('refuses an empty reply before writing anything', async () => {
      await expect(sut.reply(HOTAN_OFFICE, '7', { reply: '  ' }, NOW)).rejects.toMatchObject({
        code: ERROR_CODE.VALIDATION_FAILED,
      });
      expect(unitOfWork.opened()).toBe(0);
      expect(inboxMessages.createInboxOnly).not.toHaveBeenCalled();
    });

    it('refuses another region’s item and tells nobody', async () => {
      feedbackRepository.getById.mockResolvedValue(buildFeedback());

      await expect(sut.reply(KASHGAR_OFFICE, '7', { reply: '收到' }, NOW)).rejects.toMatchObject({
        code: ERROR_CODE.NOT_FOUND,
      });
      expect(feedbackRepository.reply).not.toHaveBeenCalled();
      expect(alerts.createWithoutApplication).not.toHaveBeenCalled();
      expect(inboxMessages.createInboxOnly).not.toHaveBeenCalled();
      expect(auditLogRepository.create).not.toHaveBeenCalled();
    });
  });

  describe('markHandled', () => {
    it('audits the first closing only', async () => {
      feedbackRepository.getById.mockResolvedValue(
        buildFeedback({ state: 'handled', handledAt: NOW }),
      );
      feedbackRepository.markHandled.mockResolvedValueOnce(1).mockResolvedValueOnce(0);

      await sut.markHandled(HOTAN_OFFICE, '7', NOW);
      await expect(sut.markHandled(HOTAN_OFFICE, '7', NOW)).resolves.toMatchObject({
        state: 'handled',
      });

      expect(auditLogRepository.create).toHaveBeenCalledTimes(1);
      expect(auditLogRepository.create).toHaveBeenCalledWith(
        expect.objectContaining({ action: 'feedback.handle', targetId: '7' }),
      );
    });
  });
});
