import type { UnitOfWork } from '../../src/database/unit-of-work';

export interface UnitOfWorkStub {
  unitOfWork: UnitOfWork;
  // How many units of work were opened, and how many of them completed (would have committed).
  opened: () => number;
  committed: () => number;
}

// Runs each unit of work at once, without a database, counting the opened and completed ones,
// so a spec can tell whether a write happened inside one.
export function newUnitOfWorkStub(): UnitOfWorkStub {
  let opened = 0;
  let committed = 0;
  const write = jest.fn(async (work: (manager: never) => Promise<unknown>) => {
    opened += 1;
    const result = await work({} as never);
    committed += 1;
    return result;
  });
  return {
    unitOfWork: { write } as unknown as UnitOfWork,
    opened: () => opened,
    committed: () => committed,
  };
}
