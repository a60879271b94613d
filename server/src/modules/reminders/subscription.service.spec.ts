import type { ApplicantEntity } from '../applicant/applicant.entity';
import type { ApplicantRepository } from '../applicant/applicant.repository';
import type { UnitOfWork } from '../../database/unit-of-work';
import {
  newApplicantRepositoryMock,
  newSubscriptionRepositoryMock,
  newUnitOfWorkMock,
} from '../../../test/mocks/reminders.mock';
import type { CreditRow, SubscriptionRepository } from './subscription.repository';
import { MAIN_SWITCH_OFF_ERRCODE, SubscriptionService } from './subscription.service';
import type { SubscriptionOptions } from './subscription.service';

const TPL = { FEE: 'tmpl-fee', RETURNED: 'tmpl-returned' };
const OPTIONS: SubscriptionOptions = {
  templates: { fee_due: TPL.FEE, application_returned: TPL.RETURNED },
  isLongTermSubscription: false,
};

const buildCredit = (overrides: Partial<CreditRow> = {}): CreditRow => ({
  id: 1,
  applicantId: 3,
  templateId: TPL.FEE,
  credits: 2,
  acceptedTotal: 2,
  isSwitchedOff: false,
  ...overrides,
});

describe(SubscriptionService.name, () => {
  let sut: SubscriptionService;
  let unitOfWork: jest.Mocked<UnitOfWork>;
  let subscriptions: jest.Mocked<SubscriptionRepository>;
  let applicants: jest.Mocked<ApplicantRepository>;

  const create = (options: SubscriptionOptions = OPTIONS): SubscriptionService =>
    new SubscriptionService(unitOfWork, subscriptions, applicants, options);

  beforeEach(() => {
    unitOfWork = newUnitOfWorkMock();
    subscriptions = newSubscriptionRepositoryMock();
    applicants = newApplicantRepositoryMock();
    subscriptions.getCredits.mockResolvedValue([]);
    subscriptions.isMainSwitchOff.mockResolvedValue(false);
    sut = create();
  });

  describe('getTemplates', () => {
    it('lists one template per alert kind that has one', () => {
      expect(sut.getTemplates()).toEqual({
        templates: [
          { kind: 'fee_due', templateId: TPL.FEE },
          { kind: 'application_returned', templateId: TPL.RETURNED },
        ],
        isLongTerm: false,
      });
    });
  });

  describe('report', () => {
    it('counts each accept of our templates as one credit, in one write, and turns the main switch back on', async () => {
      await sut.report(3, {
        results: { [TPL.FEE]: 'accept', [TPL.RETURNED]: 'reject', 'tmpl-not-ours': 'accept' },
      });

      expect(unitOfWork.write).toHaveBeenCalledTimes(1);
      expect(subscriptions.addAccept).toHaveBeenCalledTimes(1);
      expect(subscriptions.addAccept).toHaveBeenCalledWith(3, TPL.FEE);
      expect(subscriptions.setSwitchedOff).not.toHaveBeenCalled();
      expect(subscriptions.setMainSwitchOff).toHaveBeenCalledWith(3, false);
    });

    it('switches a banned template off', async () => {
      await sut.report(3, { results: { [TPL.RETURNED]: 'ban' } });

      expect(subscriptions.setSwitchedOff).toHaveBeenCalledWith(3, TPL.RETURNED, true);
      expect(subscriptions.addAccept).not.toHaveBeenCalled();
      expect(subscriptions.setMainSwitchOff).not.toHaveBeenCalled();
    });

    it('remembers 20004: the main switch is off', async () => {
      subscriptions.isMainSwitchOff.mockResolvedValue(true);

      await expect(
        sut.report(3, { results: {}, errorCode: MAIN_SWITCH_OFF_ERRCODE }),
      ).resolves.toMatchObject({ isMainSwitchOff: true });
      expect(subscriptions.setMainSwitchOff).toHaveBeenCalledTimes(1);
      expect(subscriptions.setMainSwitchOff).toHaveBeenCalledWith(3, true);
      expect(subscriptions.addAccept).not.toHaveBeenCalled();
    });
  });

  describe('getStatus', () => {
    it('gives the credits left per template; a switched-off template has none', async () => {
      subscriptions.getCredits.mockResolvedValue([
        buildCredit({ credits: 2 }),
        buildCredit({ id: 2, templateId: TPL.RETURNED, credits: 5, isSwitchedOff: true }),
      ]);

      await expect(sut.getStatus(3)).resolves.toEqual({
        credits: [
          { templateId: TPL.FEE, kind: 'fee_due', remaining: 2 },
          { templateId: TPL.RETURNED, kind: 'application_returned', remaining: 0 },
        ],
        isMainSwitchOff: false,
      });
      expect(subscriptions.getCredits).toHaveBeenCalledWith(3, [TPL.FEE, TPL.RETURNED]);
      expect(unitOfWork.write).not.toHaveBeenCalled();
    });

    it('long-term: one accept is enough (null: unlimited), none is zero', async () => {
      sut = create({ ...OPTIONS, isLongTermSubscription: true });
      subscriptions.getCredits.mockResolvedValue([buildCredit({ credits: 0, acceptedTotal: 1 })]);

      const status = await sut.getStatus(3);

      expect(status.credits.map((c) => c.remaining)).toEqual([null, 0]);
    });
  });

  describe('applySettingChange', () => {
    it('switches the applicant’s template off (reject in WeChat’s settings), found by openid', async () => {
      applicants.getByOpenId.mockResolvedValue({ id: 3 } as ApplicantEntity);

      await sut.applySettingChange('o-user', TPL.FEE, false);

      expect(applicants.getByOpenId).toHaveBeenCalledWith('o-user');
      expect(subscriptions.setSwitchedOff).toHaveBeenCalledWith(3, TPL.FEE, true);
    });

    it('changes nothing for someone it does not know, or a template that is not ours', async () => {
      applicants.getByOpenId.mockResolvedValue(null);
      await sut.applySettingChange('o-stranger', TPL.FEE, true);
      await sut.applySettingChange('o-user', 'tmpl-not-ours', true);

      expect(applicants.getByOpenId).toHaveBeenCalledTimes(1);
      expect(subscriptions.setSwitchedOff).not.toHaveBeenCalled();
    });
  });
});
