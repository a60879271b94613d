// react-dom ships no types and @types/react-dom is not installed; the component tests use one
// function of it.
declare module 'react-dom/server' {
  import type { ReactElement } from 'react';

  export function renderToStaticMarkup(element: ReactElement): string;
}
