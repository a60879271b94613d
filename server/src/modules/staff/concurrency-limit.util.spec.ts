import { ConcurrencyLimit } from './concurrency-limit.util';

const deferred = (): { promise: Promise<void>; resolve: () => void } => {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
};

describe(ConcurrencyLimit.name, () => {
  it('runs at most maxRunning tasks at once and the rest in arrival order', async () => {
    const sut = new ConcurrencyLimit(2, 10);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, index) =>
      sut.run(async () => {
        started.push(index);
        await gate.promise;
        return index;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    gates[1]?.resolve();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((gate) => gate.resolve());
    await expect(Promise.all(runs)).resolves.toEqual([0, 1, 2, 3]);
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it('is full when every slot runs and the queue holds maxWaiting', async () => {
    const sut = new ConcurrencyLimit(1, 1);
    const gate = deferred();
    const first = sut.run(() => gate.promise);
    expect(sut.isFull).toBe(false);
    const second = sut.run(() => Promise.resolve());
    expect(sut.isFull).toBe(true);
    gate.resolve();
    await Promise.all([first, second]);
    expect(sut.isFull).toBe(false);
    expect(sut.waitingCount).toBe(0);
  });

  it('frees the slot when a task fails', async () => {
    const sut = new ConcurrencyLimit(1, 1);
    await expect(sut.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(sut.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});
