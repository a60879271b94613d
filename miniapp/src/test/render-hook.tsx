import { act } from 'react';
import { createRoot } from 'react-dom/client';

// Hooks run for real (state, effects, re-renders) without a DOM: the component renders nothing,
// so React DOM only ever touches the root container, and a stand-in is enough for it.
export interface RenderedHook<R> {
  readonly current: R;
  unmount(): Promise<void>;
}

const globals = globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT?: boolean; window?: unknown };

export async function renderHook<R>(hook: () => R): Promise<RenderedHook<R>> {
  globals.IS_REACT_ACT_ENVIRONMENT = true;
  // React DOM asks the window for the focused element around each commit; there is none.
  globals.window ??= { HTMLIFrameElement: class {} };
  const container = {
    nodeType: 1,
    tagName: 'DIV',
    namespaceURI: null,
    ownerDocument: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  let result: { value: R } | null = null;
  function Probe(): null {
    result = { value: hook() };
    return null;
  }
  const root = createRoot(container as unknown as Element);
  await act(async () => root.render(<Probe />));
  return {
    get current(): R {
      if (result === null) throw new Error('the hook has not rendered');
      return result.value;
    },
    unmount: () => act(async () => root.unmount()),
  };
}

// Lets pending promises (a scripted server's answers) settle and React apply what they set.
export const settle = (): Promise<void> =>
  act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
