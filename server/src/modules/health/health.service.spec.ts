import { getConfig } from '../../config/env';
import type { HealthRepository } from './health.repository';
import { HEALTH_PROBE_MS, HealthService } from './health.service';

describe('HealthService', () => {
  const config = getConfig({ APP_ENV: 'test', DATABASE_URL: 'sqlite::memory:' });
  let answers: boolean[];
  let probes: number;
  const repository = {
    isReachable: () => {
      probes += 1;
      return Promise.resolve(answers.shift() ?? true);
    },
  } as unknown as HealthRepository;

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-29T12:00:00Z') });
    answers = [];
    probes = 0;
  });
  afterEach(() => jest.useRealTimers());

  it('asks the database at most once per interval, whoever asks in between', async () => {
    const health = new HealthService(config, repository);
    const first = await Promise.all([health.get(), health.get(), health.get()]);
    jest.advanceTimersByTime(HEALTH_PROBE_MS - 1);
    await health.get();
    expect(probes).toBe(1);
    expect(first.map((answer) => answer.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('reports an unreachable database within one interval', async () => {
    answers = [true, false];
    const health = new HealthService(config, repository);
    expect((await health.get()).status).toBe('ok');
    jest.advanceTimersByTime(HEALTH_PROBE_MS);
    const later = await health.get();
    expect(later).toMatchObject({ status: 'degraded', database: { isReachable: false } });
    expect(probes).toBe(2);
  });
});
