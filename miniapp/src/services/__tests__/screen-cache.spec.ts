import { createScreenCache } from '../screen-cache';
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

  it("should clear one applicant's answers and keep the rest", () => {
    const storage = memoryStorage();
    const cache = createScreenCache(storage, () => ['titletrack.cache.me.1.inbox', 'titletrack.cache.me.2.inbox', 'titletrack.cache.home']);
    cache.set('me.1.inbox', 1);
    cache.set('me.2.inbox', 2);
    cache.set('home', 3);
    cache.clear('me.1.');
    expect(cache.get('me.1.inbox')).toBeNull();
    expect(cache.get('me.2.inbox')?.data).toBe(2);
    expect(cache.get('home')?.data).toBe(3);
  });

  it('should keep the answer on screen when storage is full', () => {
    const storage = { get: () => null, set: () => { throw new Error('quota'); }, remove: () => undefined };
    expect(createScreenCache(storage).set('home', 5, 9)).toEqual({ data: 5, savedAt: 9 });
  });
});
