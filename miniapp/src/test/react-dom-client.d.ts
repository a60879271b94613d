// react-dom ships no types and @types/react-dom is not installed; renderHook (render-hook.tsx)
// uses this much of the client renderer.
declare module 'react-dom/client' {
  import type { ReactNode } from 'react';

  export interface Root {
    render(children: ReactNode): void;
    unmount(): void;
  }

  export function createRoot(container: Element): Root;
}
