// Sign-in, sign-out and binding changes, so every mounted page re-reads what depends on them.
const listeners = new Set<() => void>();

export function onSessionChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifySessionChanged(): void {
  listeners.forEach((listener) => listener());
}
