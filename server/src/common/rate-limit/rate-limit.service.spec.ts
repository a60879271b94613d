import { mockMethods } from '../../../test/mocks/mock-methods';
import { RateLimitRepository } from './rate-limit.repository';
import { RateLimitService } from './rate-limit.service';
import type { BackoffRule } from './rate-limit.service';

const NOW = new Date('2030-01-01T00:00:00Z');
const RULE: BackoffRule = { scope: 'test', limit: 3, windowSeconds: 60, maxWaitSeconds: 300 };
const at = (seconds: number): Date => new Date(NOW.getTime() + seconds * 1000);

describe(RateLimitService.name, () => {
  let sut: RateLimitService;
  let repository: jest.Mocked<RateLimitRepository>;

  beforeEach(() => {
    repository = mockMethods(RateLimitRepository);
    sut = new RateLimitService(repository);
  });

  const afterHits = (hits: number, expiresAt: Date = at(60)) =>
    repository.hitUntilExpiry.mockResolvedValue({ hits, expiresAt });

  describe('consumeWithBackoff', () => {
    it('lets attempts through up to the limit, counting each in a window from now', async () => {
      afterHits(3);
      await expect(sut.consumeWithBackoff(RULE, ['a'], NOW)).resolves.toBeUndefined();
      expect(repository.hitUntilExpiry).toHaveBeenCalledWith('test:a', NOW, at(60));
      expect(repository.extend).not.toHaveBeenCalled();
    });

    it('refuses the first attempt over the limit with a wait of one window', async () => {
      afterHits(4, at(20));
      await expect(sut.consumeWithBackoff(RULE, ['a'], NOW)).rejects.toMatchObject({
        code: 'RATE_LIMITED',
        details: { retryAfterSeconds: 60 },
      });
      expect(repository.extend).toHaveBeenCalledWith('test:a', at(60));
    });

    it('doubles the wait with every further attempt, up to the maximum', async () => {
      const waits: number[] = [];
      for (const hits of [4, 5, 6, 7, 8]) {
        afterHits(hits, at(1));
        const refusal: unknown = await sut.consumeWithBackoff(RULE, ['a'], NOW).catch((e) => e);
        waits.push(
          (refusal as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds,
        );
      }
      expect(waits).toEqual([60, 120, 240, 300, 300]);
    });

    it('never shortens a wait another attempt already set', async () => {
      afterHits(4, at(1000));
      await expect(sut.consumeWithBackoff(RULE, ['a'], NOW)).rejects.toMatchObject({
        details: { retryAfterSeconds: 1000 },
      });
      expect(repository.extend).not.toHaveBeenCalled();
    });

    it('counts every subject and answers with the longest wait', async () => {
      repository.hitUntilExpiry
        .mockResolvedValueOnce({ hits: 1, expiresAt: at(60) })
        .mockResolvedValueOnce({ hits: 5, expiresAt: at(60) });
      await expect(sut.consumeWithBackoff(RULE, ['a', 'b'], NOW)).rejects.toMatchObject({
        details: { retryAfterSeconds: 120 },
      });
      expect(repository.hitUntilExpiry).toHaveBeenCalledTimes(2);
    });
  });

  it('refunds and resets by the same bucket name', async () => {
    await sut.refund(RULE, 'a');
    await sut.reset(RULE, 'b');
    expect(repository.refund).toHaveBeenCalledWith('test:a');
    expect(repository.delete).toHaveBeenCalledWith('test:b');
  });
});
