// Every method of a class as a jest.fn(), typed as the class: a spec stubs what its subject
// reads and asserts what it wrote, and what it must not have written.
export function mockMethods<T extends object>(
  type: abstract new (...args: never[]) => T,
): jest.Mocked<T> {
  const mock: Record<string, jest.Mock> = {};
  for (const name of Object.getOwnPropertyNames(type.prototype)) {
    const descriptor = Object.getOwnPropertyDescriptor(type.prototype, name);
    if (name !== 'constructor' && typeof descriptor?.value === 'function') mock[name] = jest.fn();
  }
  return mock as unknown as jest.Mocked<T>;
}
