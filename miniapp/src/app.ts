import { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';

import './locales';
// Applies the remembered language (and, on H5, <html dir>) before the first page renders.
import './services/preferences';
import './utils/follow-system-font';
import { restoreDemoClock } from './services/demo';
import { adoptFirstScreen } from './first-screen';
import { registerPrivacyConsent } from './components/privacy-sheet/privacy-consent';
import './app.scss';

// H5: the home screen the server drew into the page, and its data, before the first render.
adoptFirstScreen();
// WeChat holds any privacy-scoped API (album, calendar, file pick) until the person answers the
// consent sheet; without a listener it would ask with its own generic dialog.
registerPrivacyConsent();

function App({ children }: PropsWithChildren): PropsWithChildren['children'] {
  useLaunch(() => restoreDemoClock());
  return children;
}

export default App;
