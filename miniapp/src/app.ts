import { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';

import './locales';
import './app.scss';

function App({ children }: PropsWithChildren): PropsWithChildren['children'] {
  useLaunch(() => undefined);
  return children;
}

export default App;
