import { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';

import './locales';
// Applies the remembered language (and, on H5, <html dir>) before the first page renders.
import './services/preferences';
import { restoreDemoClock } from './services/demo';
import './app.scss';

function App({ children }: PropsWithChildren): PropsWithChildren['children'] {
  useLaunch(() => restoreDemoClock());
  return children;
}

export default App;
