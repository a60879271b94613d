import { renderToStaticMarkup } from 'react-dom/server';

import '../../../locales';
import { elementById } from '../../../test/element-by-id';
import { renderHook } from '../../../test/render-hook';
import { PageHeader } from '../page-header';

describe('PageHeader', () => {
  it('should give a secondary screen its title as the level-1 heading, a back button and a home link', () => {
    const markup = renderToStaticMarkup(<PageHeader title="评审费" hasNavigation />);
    expect(markup).toMatch(/id="page-title" role="heading" aria-level="1">评审费</);
    expect(markup).toMatch(/id="header-back" [^>]*role="button" tabindex="0" aria-label="返回"/);
    expect(markup).toMatch(/id="header-home" [^>]*role="link" tabindex="0" aria-label="回到首页"/);
  });

  it('should size its buttons at 44 CSS px, and 60 in large text', () => {
    expect(renderToStaticMarkup(<PageHeader title="评审费" hasNavigation />)).toMatch(
      /id="header-back" style="min-height:44px;min-width:44px"/,
    );
    expect(renderToStaticMarkup(<PageHeader title="评审费" hasNavigation isLargeText />)).toMatch(
      /id="header-home" style="min-height:60px;min-width:60px"/,
    );
  });

  it('should draw only the heading on a tab screen, which has the tab bar', () => {
    const markup = renderToStaticMarkup(<PageHeader title="我的" />);
    expect(markup).toContain('aria-level="1">我的<');
    expect(markup).not.toContain('header-back');
    expect(markup).not.toContain('header-home');
  });

  it('should keep a hidden title in the accessibility tree when asked to', () => {
    const markup = renderToStaticMarkup(<PageHeader title="职称通" isTitleHidden />);
    expect(markup).toBe(
      '<div class="tt-sr-only" id="page-title" role="heading" aria-level="1">职称通</div>',
    );
  });

  it('should go back and home when the buttons are pressed, by tap or keyboard', async () => {
    const onBack = jest.fn();
    const onHome = jest.fn();
    const rendered = await renderHook(() =>
      PageHeader({ title: '待办', hasNavigation: true, onBack, onHome }),
    );
    const tree = rendered.current;
    await rendered.unmount();
    (elementById(tree, 'header-back')?.onClick as () => void)();
    (elementById(tree, 'header-back')?.onKeyDown as (event: { key: string }) => void)({ key: ' ' });
    (elementById(tree, 'header-home')?.onKeyDown as (event: { key: string }) => void)({
      key: 'Enter',
    });
    expect(onBack).toHaveBeenCalledTimes(2);
    expect(onHome).toHaveBeenCalledTimes(1);
  });
});
