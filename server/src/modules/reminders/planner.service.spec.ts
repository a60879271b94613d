import { Logger } from '@nestjs/common';

import { HOTAN_2023 } from '@titletrack/shared/domain';

import { LeaseService } from '../../common/lease/lease.service';
import type { UnitOfWork } from '../../database/unit-of-work';
import { mockMethods } from '../../../test/mocks/mock-methods';
import {
  newInboxMessageRepositoryMock,
  newReminderAlertRepositoryMock,
  newReminderCursorRepositoryMock,
  newUnitOfWorkMock,
} from '../../../test/mocks/reminders.mock';
import { ApplicationRepository } from '../application/application.repository';
import { BindingRepository } from '../binding/binding.repository';
import type { NoticeYearRegistry } from '../calendar/notice-year-registry.service';
import { DomainEventRepository } from '../domain-event/domain-event.repository';
import { FactRepository } from '../fact-store/fact.repository';
import type { DomainEvent } from '../domain-event/domain-event.type';
import type { MirroredRow } from '../application/application-to-domain.mapper';
import type { InboxMessageRepository } from './inbox-message.repository';
import { PLANNER_CURSOR, PlannerService } from './planner.service';
import type { ReminderAlertRepository } from './reminder-alert.repository';
import type { ReminderCursorRepository } from './reminder-cursor.repository';

const NOW = new Date('2023-12-06T04:00:00Z');
// Only the 2023 Hotan notice is published, and nothing changes it.
const hotan2023Registry = (): NoticeYearRegistry =>
  ({
    refreshIfChanged: () => Promise.resolve(false),
    forApplication: (row: { regionCode: string; year: number; route: string }) =>
      row.regionCode === '6532' && row.year === 2023 && row.route === 'prefecture_directed'
        ? HOTAN_2023
        : null,
  }) as unknown as NoticeYearRegistry;
// Nobody stated any fact about the rows planned here.
const noFacts = (): FactRepository =>
  ({ getByApplications: () => Promise.resolve(new Map()) }) as unknown as FactRepository;
const buildRow = (overrides: Partial<MirroredRow> = {}): MirroredRow => ({
  id: 7,
  regionCode: '6532',
  year: 2023,
  route: 'prefecture_directed',
  level: 'intermediate',
  series: 'health',
  specialty: '临床医学',
  status: 'returned',
  statusChangedAt: new Date('2023-08-15T02:00:00Z'),
  submissionCount: 1,
  isFeePaid: null,
  ...overrides,
});
const ISSUED = buildRow({
  id: 7,
  status: 'certificate_issued',
  statusChangedAt: new Date('2023-12-05T02:00:00Z'),
});
const SOURCE = { source: 'webhook', sourceRef: 'evt-1' };

const statusChanged = (id: number, applicationId: number): DomainEvent => ({
  id,
  kind: 'status_changed',
  applicationId,
  payload: {
    ...SOURCE,
    from: 'qualification_document_issued',
    to: 'certificate_issued',
    at: '2023-12-05T02:00:00.000Z',
  },
  createdAt: NOW,
});
const certificateReady = (id: number, applicationId: number, issuedOn: string): DomainEvent => ({
  id,
  kind: 'certificate_ready',
  applicationId,
  payload: { ...SOURCE, certificateNo: `HTZC-${applicationId}`, issuedOn },
  createdAt: NOW,
});

describe(PlannerService.name, () => {
  let sut: PlannerService;
  let unitOfWork: jest.Mocked<UnitOfWork>;
  let cursors: jest.Mocked<ReminderCursorRepository>;
  let domainEvents: jest.Mocked<DomainEventRepository>;
  let applications: jest.Mocked<ApplicationRepository>;
  let bindings: jest.Mocked<BindingRepository>;
  let alerts: jest.Mocked<ReminderAlertRepository>;
  let inboxMessages: jest.Mocked<InboxMessageRepository>;
  let leases: jest.Mocked<LeaseService>;

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    unitOfWork = newUnitOfWorkMock();
    cursors = newReminderCursorRepositoryMock();
    domainEvents = mockMethods(DomainEventRepository);
    applications = mockMethods(ApplicationRepository);
    bindings = mockMethods(BindingRepository);
    alerts = newReminderAlertRepositoryMock();
    inboxMessages = newInboxMessageRepositoryMock();
    leases = mockMethods(LeaseService);
    leases.tryAcquire.mockResolvedValue(true);
    leases.release.mockResolvedValue(undefined);
    cursors.getPosition.mockResolvedValue(40);
    domainEvents.getAfter.mockResolvedValue([]);
    applications.getByIds.mockResolvedValue([]);
    applications.getStandingsAfter.mockResolvedValue([]);
    bindings.getApplicationIdsBoundSince.mockResolvedValue([]);
    alerts.getKeysByApplicationIds.mockResolvedValue(new Set());
    alerts.getKeysInApplicationRange.mockResolvedValue(new Set());
    alerts.createMany.mockImplementation(async (created) => created.length);
    inboxMessages.createForApplications.mockResolvedValue(1);
    sut = plannerWith();
  });

  afterEach(() => jest.restoreAllMocks());

  // The planner over this file's mocks; a test may give its own registry or facts.
  const plannerWith = ({
    registry = hotan2023Registry(),
    facts = noFacts(),
  }: { registry?: NoticeYearRegistry; facts?: FactRepository } = {}): PlannerService =>
    new PlannerService(
      unitOfWork,
      cursors,
      domainEvents,
      applications,
      bindings,
      alerts,
      inboxMessages,
      leases,
      registry,
      facts,
      { holderId: 'test', leaseTtlMs: 60_000, chunkSize: 100 },
    );

  const plannedKinds = (): string[] =>
    alerts.createMany.mock.calls.flatMap(([created]) => created.map((alert) => alert.kind));

  describe('runOnce', () => {
    it('first reloads the published notices when another instance changed them, then plans', async () => {
      const registry = hotan2023Registry();
      const order: string[] = [];
      registry.refreshIfChanged = jest.fn(async () => {
        order.push('refresh');
        return true;
      });
      domainEvents.getAfter.mockImplementation(async () => {
        order.push('plan');
        return [];
      });
      const planner = plannerWith({ registry });

      await planner.runOnce(NOW, { isFullScan: false });

      expect(order).toEqual(['refresh', 'plan']);
    });

    it('reads status changes and ready certificates after the cursor, tells "e-certificate ready" with the certificate’s issue date, then moves the cursor', async () => {
      domainEvents.getAfter.mockResolvedValueOnce([
        statusChanged(41, 7),
        certificateReady(42, 7, '2023-12-04'),
      ]);
      applications.getByIds.mockResolvedValue([ISSUED] as Awaited<
        ReturnType<ApplicationRepository['getByIds']>
      >);

      const summary = await sut.runOnce(NOW, { isFullScan: false });

      expect(domainEvents.getAfter).toHaveBeenNthCalledWith(
        1,
        40,
        ['status_changed', 'certificate_ready'],
        100,
      );
      expect(applications.getByIds).toHaveBeenCalledWith([7]);
      expect(alerts.createMany).toHaveBeenCalledWith([
        expect.objectContaining({
          kind: 'certificate_ready',
          data: { certificateIssuedAt: '2023-12-04' },
        }),
      ]);
      expect(inboxMessages.createForApplications).toHaveBeenCalledWith([7], NOW);
      expect(cursors.advance).toHaveBeenCalledWith(PLANNER_CURSOR, 42);
      expect(summary).toMatchObject({ isSkipped: false, events: 2, applications: 1, alerts: 1 });
      expect(leases.release).toHaveBeenCalledWith('reminder-planner', 'test');
    });

    it('holds "e-certificate ready" back while the certificate itself has not come, and moves the cursor all the same', async () => {
      domainEvents.getAfter.mockResolvedValueOnce([statusChanged(41, 7)]);
      applications.getByIds.mockResolvedValue([ISSUED] as Awaited<
        ReturnType<ApplicationRepository['getByIds']>
      >);

      const summary = await sut.runOnce(NOW, { isFullScan: false });

      expect(plannedKinds()).not.toContain('certificate_ready');
      expect(summary.alerts).toBe(0);
      expect(unitOfWork.write).not.toHaveBeenCalled();
      expect(cursors.advance).toHaveBeenCalledWith(PLANNER_CURSOR, 41);
    });

    it('the scan takes the date of a certificate mirrored after the event pass from the events after the cursor', async () => {
      applications.getStandingsAfter.mockResolvedValueOnce([ISSUED]).mockResolvedValueOnce([]);
      domainEvents.getAfter
        .mockResolvedValueOnce([])
        .mockResolvedValueOnce([certificateReady(43, 7, '2023-12-05')]);

      await sut.runOnce(NOW);

      expect(domainEvents.getAfter).toHaveBeenLastCalledWith(40, ['certificate_ready'], 100);
      expect(applications.getStandingsAfter).toHaveBeenCalledWith(
        0,
        100,
        expect.objectContaining({ changedSince: new Date('2023-11-21T04:00:00Z') }),
      );
      expect(alerts.createMany).toHaveBeenCalledWith([
        expect.objectContaining({
          kind: 'certificate_ready',
          data: { certificateIssuedAt: '2023-12-05' },
        }),
      ]);
      expect(cursors.advance).not.toHaveBeenCalled();
    });

    it('fills the inboxes of recent bindings with alerts planned before them', async () => {
      bindings.getApplicationIdsBoundSince.mockResolvedValue([7, 8]);
      inboxMessages.createForApplications.mockResolvedValue(3);

      await expect(sut.runOnce(NOW, { isFullScan: false })).resolves.toMatchObject({
        inboxMessages: 3,
      });
      expect(inboxMessages.createForApplications).toHaveBeenCalledWith([7, 8], NOW);
    });

    it('does nothing while another instance holds the lease', async () => {
      leases.tryAcquire.mockResolvedValue(false);

      await expect(sut.runOnce(NOW)).resolves.toMatchObject({ isSkipped: true });
      expect(cursors.getPosition).not.toHaveBeenCalled();
      expect(alerts.createMany).not.toHaveBeenCalled();
      expect(leases.release).not.toHaveBeenCalled();
    });
  });

  describe('planApplications', () => {
    it('writes nothing when nothing new is due', async () => {
      const returned = buildRow({ id: 9 });
      alerts.getKeysByApplicationIds.mockResolvedValue(
        new Set([
          '9:application_returned:2023-08-15T02:00:00.000Z',
          '9:revision_deadline_approaching:2023-08-15T02:00:00.000Z',
        ]),
      );

      await expect(
        sut.planApplications([returned], new Date('2023-08-16T03:00:00Z')),
      ).resolves.toEqual({ applications: 1, alerts: 0, inboxMessages: 0 });
      expect(unitOfWork.write).not.toHaveBeenCalled();
      expect(alerts.createMany).not.toHaveBeenCalled();
      expect(inboxMessages.createForApplications).not.toHaveBeenCalled();
    });

    it('writes the new alerts and their inbox messages in one transaction', async () => {
      const returned = buildRow({ id: 9 });

      await expect(
        sut.planApplications([returned], new Date('2023-08-16T03:00:00Z')),
      ).resolves.toMatchObject({ applications: 1, alerts: 2 });
      expect(unitOfWork.write).toHaveBeenCalledTimes(1);
      expect(plannedKinds()).toEqual(['application_returned', 'revision_deadline_approaching']);
      expect(inboxMessages.createForApplications).toHaveBeenCalledWith(
        [9],
        new Date('2023-08-16T03:00:00Z'),
      );
    });
  });

  describe('planApplications with the stored facts', () => {
    const drafting = buildRow({
      id: 11,
      status: 'drafting',
      statusChangedAt: new Date('2023-07-21T03:00:00Z'),
    });
    const IN_WINDOW = new Date('2023-08-20T04:00:00Z');
    const declaredHours = (total: number) => ({
      office: [],
      declared: [
        {
          name: 'continuingEducation',
          value: JSON.stringify(
            [2021, 2022, 2023].map((year) => ({
              year,
              totalHours: year === 2023 ? total : 90,
              professionalHours: 60,
            })),
          ),
          source: 'declared',
          recordedAt: new Date('2023-08-01T02:00:00Z'),
        },
      ],
    });
    const withFacts = (stored: Awaited<ReturnType<FactRepository['getByApplications']>>) => {
      const facts = mockMethods(FactRepository);
      facts.getByApplications.mockResolvedValue(stored);
      const planner = plannerWith({ facts });
      return { planner, facts };
    };

    it('reads the facts of the chunk in one call and alerts a declared shortfall', async () => {
      const { planner, facts } = withFacts(new Map([[11, declaredHours(80)]]));
      await planner.planApplications([drafting], IN_WINDOW);
      expect(facts.getByApplications).toHaveBeenCalledTimes(1);
      expect(facts.getByApplications).toHaveBeenCalledWith([11]);
      expect(plannedKinds()).toContain('continuing_education_short');
    });

    it('alerts no shortfall when the declared hours are met, or when none are known', async () => {
      for (const stored of [new Map([[11, declaredHours(90)]]), new Map()]) {
        alerts.createMany.mockClear();
        const { planner } = withFacts(stored);
        await planner.planApplications([drafting], IN_WINDOW);
        expect(plannedKinds()).not.toContain('continuing_education_short');
      }
    });
  });

  describe('planScope', () => {
    it("reads only the notice's applications, chunk after chunk in id order, and plans each chunk", async () => {
      const scope = { regionCode: '6532', year: 2023, route: 'prefecture_directed' };
      applications.getStandingsAfter
        .mockResolvedValueOnce([buildRow({ id: 3 }), buildRow({ id: 9 })])
        .mockResolvedValueOnce([buildRow({ id: 12 })])
        .mockResolvedValueOnce([]);

      const summary = await sut.planScope(scope, new Date('2023-08-16T03:00:00Z'));

      expect(summary).toMatchObject({ applications: 3, alerts: 6 });
      expect(applications.getStandingsAfter.mock.calls.map(([afterId]) => afterId)).toEqual([
        0, 9, 12,
      ]);
      for (const [, , filter] of applications.getStandingsAfter.mock.calls) {
        expect(filter.scope).toEqual(scope);
      }
      expect(alerts.getKeysInApplicationRange).toHaveBeenCalledWith(3, 9);
      expect(alerts.getKeysInApplicationRange).toHaveBeenCalledWith(12, 12);
    });

    it('plans nothing for applications whose notice is not published', async () => {
      applications.getStandingsAfter
        .mockResolvedValueOnce([buildRow({ id: 3, regionCode: '6531' })])
        .mockResolvedValueOnce([]);

      await expect(
        sut.planScope(
          { regionCode: '6531', year: 2023, route: 'prefecture_directed' },
          new Date('2023-08-16T03:00:00Z'),
        ),
      ).resolves.toEqual({ applications: 1, alerts: 0, inboxMessages: 0 });
      expect(alerts.createMany).not.toHaveBeenCalled();
    });
  });
});
