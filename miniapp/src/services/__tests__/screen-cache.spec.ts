import {
  APPLICANT_SCREEN,
  HOME_CACHE_KEY,
  applicantCacheKey,
  createScreenCache,
} from '../screen-cache';
import { memoryStorage } from './memory-storage';

describe('createScreenCache', () => {
  it('should give back the last answer with the time it was saved', () => {
    const cache = createScreenCache(memoryStorage());
    cache.set('home', { a: 1 }, 1_000);
    cache.set('home', { a: 2 }, 2_000);
    expect(cache.get('home')).toEqual({ data: { a: 2 }, savedAt: 2_000 });
  });

  it('should answer null for nothing stored or an unreadable entry', () => {
    const storage = memoryStorage();
    const cache = createScreenCache(storage);
    expect(cache.get('todo')).toBeNull();
    storage.set('titletrack.cache.todo', '{not json');
    expect(cache.get('todo')).toBeNull();
  });

  it("should forget every applicant's answers and keep the device's own", () => {
    const storage = memoryStorage();
    const cache = createScreenCache(storage, () => [...storage.entries.keys()]);
    cache.set(applicantCacheKey('1', APPLICANT_SCREEN.INBOX), 1);
    cache.set(applicantCacheKey('2', APPLICANT_SCREEN.CERTIFICATES), 2);
    cache.set(HOME_CACHE_KEY, 3);
    cache.forgetApplicants();
    expect([...storage.entries.keys()]).toEqual(['titletrack.cache.home']);
  });

  it("should keep only the named applicant's answers when told to", () => {
    const storage = memoryStorage();
    const cache = createScreenCache(storage, () => [...storage.entries.keys()]);
    cache.set(applicantCacheKey('1', APPLICANT_SCREEN.INBOX), 1);
    cache.set(applicantCacheKey('12', APPLICANT_SCREEN.INBOX), 12);
    cache.set(applicantCacheKey('1.2', APPLICANT_SCREEN.INBOX), 1.2);
    cache.forgetApplicants('1');
    expect(cache.get(applicantCacheKey('1', APPLICANT_SCREEN.INBOX))?.data).toBe(1);
    expect(cache.get(applicantCacheKey('12', APPLICANT_SCREEN.INBOX))).toBeNull();
    expect(cache.get(applicantCacheKey('1.2', APPLICANT_SCREEN.INBOX))).toBeNull();
  });

  it('should sweep the applicant answers earlier versions kept outside the applicant scope', () => {
    const storage = memoryStorage({
      'titletrack.cache.certificates:1': '{}',
      'titletrack.cache.subscription-status': '{}',
      'titletrack.cache.subscription-templates': '{}',
      'titletrack.cache.home': '{}',
    });
    createScreenCache(storage, () => [...storage.entries.keys()]).forgetApplicants('1');
    expect([...storage.entries.keys()]).toEqual(['titletrack.cache.home']);
  });

  it('should keep the answer on screen when storage is full', () => {
    const storage = {
      get: () => null,
      set: () => {
        throw new Error('quota');
      },
      remove: () => undefined,
    };
    expect(createScreenCache(storage).set('home', 5, 9)).toEqual({ data: 5, savedAt: 9 });
  });
});
