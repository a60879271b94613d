import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

import '../../../locales';
import { elementById } from '../../../test/element-by-id';
import { renderHook } from '../../../test/render-hook';
import { TabBar } from '../tab-bar';
import type { TabBarProps } from '../tab-bar';

async function tabs(props: TabBarProps): Promise<ReactNode> {
  const rendered = await renderHook(() => TabBar(props));
  const tree = rendered.current;
  await rendered.unmount();
  return tree;
}

describe('TabBar', () => {
  it('should draw the four tabs as links in a named navigation, the current one marked', () => {
    const markup = renderToStaticMarkup(<TabBar current="inbox" />);
    expect(markup).toContain('role="navigation" aria-label="主要页面"');
    const links = [...markup.matchAll(/<div id="tab-(\w+)"[^>]*role="link"[^>]*>/g)];
    expect(links.map((match) => match[1])).toEqual(['home', 'progress', 'inbox', 'me']);
    expect(links.filter((match) => match[0].includes('aria-current="page"'))).toHaveLength(1);
    expect(markup).toMatch(/id="tab-inbox"[^>]*aria-current="page"/);
    expect(markup).toContain('首页');
    expect(markup).toContain('进度');
    expect(markup).toContain('我的');
  });

  it('should show the unread count on the inbox tab, with a sentence for screen readers', () => {
    const markup = renderToStaticMarkup(<TabBar current="home" unread={3} />);
    expect(markup).toContain('<div class="tt-unread-badge" aria-hidden="true">3</div>');
    expect(markup).toContain('<div class="tt-sr-only">3 条未读</div>');
  });

  it('should size the tabs at 44 CSS px, and 60 in large text', () => {
    expect(renderToStaticMarkup(<TabBar current="home" />)).toContain('style="min-height:44px"');
    expect(renderToStaticMarkup(<TabBar current="home" isLargeText />)).toContain(
      'style="min-height:60px"',
    );
  });

  it('should show no badge when nothing is unread or the count is not known', () => {
    expect(renderToStaticMarkup(<TabBar current="home" unread={0} />)).not.toContain('badge');
    expect(renderToStaticMarkup(<TabBar current="home" />)).not.toContain('badge');
  });

  it('should switch to the tab page when another tab is pressed, by tap or Enter', async () => {
    const onSwitch = jest.fn();
    const tree = await tabs({ current: 'home', onSwitch });
    (elementById(tree, 'tab-me')?.onClick as () => void)();
    (elementById(tree, 'tab-progress')?.onKeyDown as (event: { key: string }) => void)({
      key: 'Enter',
    });
    expect(onSwitch.mock.calls).toEqual([
      ['/packages/applicant/pages/me/index'],
      ['/packages/applicant/pages/application/index'],
    ]);
  });

  it('should stay put when the current tab is pressed', async () => {
    const onSwitch = jest.fn();
    const tree = await tabs({ current: 'me', onSwitch });
    (elementById(tree, 'tab-me')?.onClick as () => void)();
    expect(onSwitch).not.toHaveBeenCalled();
  });
});
