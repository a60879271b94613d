import { renderToStaticMarkup } from 'react-dom/server';

import type { PageRootProps } from '../../components/page-root';
import { translate, useT } from '..';

// tsc checks this file too: each `@ts-expect-error` must stay an error, so the mini-app's
// translator cannot quietly go back to accepting any string.
describe('useT', () => {
  it('should translate a key of the catalogue', () => {
    function Title(): JSX.Element {
      const t = useT();
      return <>{t('home.notices')}</>;
    }
    expect(renderToStaticMarkup(<Title />)).toBe('官方通知');
  });

  it('should refuse a misspelt key at compile time', () => {
    function Misspelt(): JSX.Element {
      const t = useT();
      // @ts-expect-error `home.titel` is not a key
      return <>{t('home.titel')}</>;
    }
    expect(renderToStaticMarkup(<Misspelt />)).toBe('home.titel');
    // @ts-expect-error nor is a key of another screen's spelling
    expect(translate('nav.hom')).toBe('nav.hom');
  });

  it('should take page titles as keys only', () => {
    const titled: PageRootProps = { title: 'nav.me' };
    // @ts-expect-error a page title is a message key, not a text
    const texted: PageRootProps = { title: '我的' };
    expect([titled.title, texted.title]).toEqual(['nav.me', '我的']);
  });
});
