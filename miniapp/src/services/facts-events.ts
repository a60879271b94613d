// A declared fact changes the to-dos of every bound application: pages kept in the history stack
// (home, to-dos) re-read their progress instead of showing a shortfall that is gone.
const listeners = new Set<() => void>();

export function onFactsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifyFactsChanged(): void {
  listeners.forEach((listener) => listener());
}
