import { Logger } from '@nestjs/common';

import { ERROR_CODE } from '@titletrack/shared/contract';

import { mockMethods } from '../../../test/mocks/mock-methods';
import { AppException } from '../../common/app.exception';
import { FieldCipher } from '../../common/crypto/field-cipher';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service';
import { FeedbackEntity } from './feedback.entity';
import { FeedbackRepository } from './feedback.repository';
import { FEEDBACK_RATE_LIMIT, FeedbackService } from './feedback.service';

const NOW = new Date('2026-11-29T08:00:00Z');

function buildFeedback(overrides: Partial<FeedbackEntity> = {}): FeedbackEntity {
  return Object.assign(new FeedbackEntity(), {
    id: 7,
    applicantId: 3,
    regionCode: '6532',
    category: 'suggestion',
    text: '希望增加维吾尔文的材料清单。',
    contactSealed: null,
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

describe(FeedbackService.name, () => {
  let sut: FeedbackService;
  let feedbackRepository: jest.Mocked<FeedbackRepository>;
  let rateLimitService: jest.Mocked<RateLimitService>;
  let cipher: jest.Mocked<FieldCipher>;
  let logged: string[];

  beforeEach(() => {
    logged = [];
    for (const level of ['log', 'debug'] as const) {
      jest.spyOn(Logger.prototype, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
      });
    }
    feedbackRepository = mockMethods(FeedbackRepository);
    rateLimitService = mockMethods(RateLimitService);
    cipher = mockMethods(FieldCipher);
    cipher.encrypt.mockImplementation((plain) => `sealed(${plain})`);
    cipher.decrypt.mockImplementation((token) => token.replace(/^sealed\((.*)\)$/, '$1'));
    sut = new FeedbackService(feedbackRepository, rateLimitService, cipher);
  });

  afterEach(() => jest.restoreAllMocks());

  describe('create', () => {
    it('stores the trimmed text with the contact sealed, and never logs either', async () => {
      feedbackRepository.create.mockResolvedValue(7);
      feedbackRepository.getById.mockResolvedValue(
        buildFeedback({ text: '办理太慢', contactSealed: 'sealed(13912345678)' }),
      );

      await expect(
        sut.create(
          3,
          {
            regionCode: '6532',
            category: 'complaint',
            text: ' 办理太慢 \r\n',
            contact: ' 13912345678 ',
          },
          NOW,
        ),
      ).resolves.toMatchObject({
        id: '7',
        text: '办理太慢',
        contact: '13912345678',
        state: 'open',
      });

      expect(feedbackRepository.create).toHaveBeenCalledWith({
        applicantId: 3,
        regionCode: '6532',
        category: 'complaint',
        text: '办理太慢',
        contactSealed: 'sealed(13912345678)',
      });
      expect(rateLimitService.consume).toHaveBeenCalledWith(
        FEEDBACK_RATE_LIMIT,
        ['applicant:3'],
        NOW,
      );
      expect(logged.join('\n')).not.toMatch(/13912345678|办理太慢/);
    });

    it('stores no contact when none or only spaces were given', async () => {
      feedbackRepository.create.mockResolvedValue(7);
      feedbackRepository.getById.mockResolvedValue(buildFeedback());

      await sut.create(
        3,
        { regionCode: '6532', category: 'other', text: '好', contact: '  ' },
        NOW,
      );

      expect(feedbackRepository.create).toHaveBeenCalledWith(
        expect.objectContaining({ contactSealed: null }),
      );
      expect(cipher.encrypt).not.toHaveBeenCalled();
    });

    it.each([
      ['an empty text', { text: ' \n ' }],
      ['a text over 1000 characters', { text: '好'.repeat(1001) }],
      ['a bidi override', { text: '看\u202e这里' }],
      ['a contact over 100 characters', { contact: '1'.repeat(101) }],
    ])('refuses %s with VALIDATION_FAILED, before counting or writing', async (_name, change) => {
      const request = {
        regionCode: '6532',
        category: 'question' as const,
        text: '问题',
        ...change,
      };

      await expect(sut.create(3, request, NOW)).rejects.toMatchObject({
        code: ERROR_CODE.VALIDATION_FAILED,
      });

      expect(rateLimitService.consume).not.toHaveBeenCalled();
      expect(feedbackRepository.create).not.toHaveBeenCalled();
    });

    it('refuses an unknown region with REGION_UNKNOWN', async () => {
      await expect(
        sut.create(3, { regionCode: '9999', category: 'question', text: '问题' }, NOW),
      ).rejects.toMatchObject({ code: ERROR_CODE.REGION_UNKNOWN });
      expect(feedbackRepository.create).not.toHaveBeenCalled();
    });

    it('writes nothing once the day’s submissions are used up', async () => {
      rateLimitService.consume.mockRejectedValue(
        new AppException(ERROR_CODE.RATE_LIMITED, 'Too many attempts', {
          details: { retryAfterSeconds: 60 },
        }),
      );

      await expect(
        sut.create(3, { regionCode: '6532', category: 'question', text: '问题' }, NOW),
      ).rejects.toMatchObject({ code: ERROR_CODE.RATE_LIMITED });
      expect(feedbackRepository.create).not.toHaveBeenCalled();
    });
  });

  describe('getAll', () => {
    it('returns my submissions with my contact opened', async () => {
      feedbackRepository.getByApplicant.mockResolvedValue([
        buildFeedback({ id: 8, contactSealed: 'sealed(wx-abc)', state: 'replied', reply: '已办' }),
        buildFeedback(),
      ]);

      const result = await sut.getAll(3);

      expect(feedbackRepository.getByApplicant).toHaveBeenCalledWith(3, 50);
      expect(result.items.map((item) => [item.id, item.contact, item.reply])).toEqual([
        ['8', 'wx-abc', '已办'],
        ['7', null, null],
      ]);
    });
  });
});
