import { renderToStaticMarkup } from 'react-dom/server';

import { changeLocale } from '../../../locales';
import { UnreadBadge } from '../unread-badge';

describe('UnreadBadge', () => {
  afterEach(() => changeLocale('zh-CN'));

  it('should show the count in a pill hidden from screen readers, with its host class', () => {
    expect(renderToStaticMarkup(<UnreadBadge count={7} className="tt-nav__badge" />)).toBe(
      '<div class="tt-unread-badge tt-nav__badge" aria-hidden="true">7</div>',
    );
  });

  it('should cap the count at 99+ so the pill never covers its host label', () => {
    expect(renderToStaticMarkup(<UnreadBadge count={99} />)).toContain('>99<');
    expect(renderToStaticMarkup(<UnreadBadge count={100} />)).toContain('>99+<');
  });

  it('should draw nothing when nothing is unread', () => {
    expect(renderToStaticMarkup(<UnreadBadge count={0} />)).toBe('');
  });

  it('should isolate the number in Uyghur, so right-to-left never reorders "99+"', async () => {
    await changeLocale('ug');
    expect(renderToStaticMarkup(<UnreadBadge count={120} />)).toContain('>\u206699+\u2069<');
  });
});
