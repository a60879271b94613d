import { publicApi } from '../support/api-sample';
import { allPageRoutes } from '../support/weapp-dist';
import { renderPage, waitUntil } from '../support/weapp-simulator';
import type { RenderedPage } from '../support/weapp-simulator';
import { rememberedPreferences } from '../support/wx-mock';

const HOME = 'pages/index/index';

const pageRootClasses = (page: RenderedPage): string[] =>
  (page.findNode((node) => node.uid === 'home')?.cl ?? '').split(' ');

describe('home page (weapp build)', () => {
  describe('tiles', () => {
    let page: RenderedPage;

    beforeAll(async () => {
      page = await renderPage(HOME, {
        respond: publicApi,
        storage: rememberedPreferences('zh-CN'),
      });
      await page.waitForId('nav-grid');
    });

    it.each([
      ['nav-application', '/packages/applicant/pages/application/index'],
      ['nav-todo', '/packages/applicant/pages/todo/index'],
      ['nav-fee', '/packages/applicant/pages/fee/index'],
      ['nav-inbox', '/packages/applicant/pages/inbox/index'],
      ['nav-calendar', '/packages/applicant/pages/calendar/index'],
      ['nav-certificate', '/packages/applicant/pages/certificate/index'],
      ['nav-me', '/packages/applicant/pages/me/index'],
      ['eligibility-entry', '/packages/applicant/pages/eligibility/index'],
    ])('should navigate when #%s is tapped', async (id, url) => {
      page.wx.navigateTo.mockClear();

      page.byId(id)?.dispatchEvent('tap');
      await waitUntil(() => page.wx.navigateTo.mock.calls.length > 0, `navigation from #${id}`);

      expect(page.wx.navigateTo).toHaveBeenCalledTimes(1);
      expect(page.wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url }));
      // The target is a page the build actually has.
      expect(allPageRoutes()).toContain(url.slice(1));
    });

    it('should open the notice when a notice is tapped', async () => {
      page.wx.navigateTo.mockClear();
      const notice = await page.waitForId('notice-1');

      notice.dispatchEvent('tap');
      await waitUntil(() => page.wx.navigateTo.mock.calls.length > 0, 'navigation to the notice');

      expect(page.wx.navigateTo).toHaveBeenCalledWith(
        expect.objectContaining({ url: '/pages/notice/index?id=1' }),
      );
    });
  });

  it('should mirror the layout when Uyghur is chosen', async () => {
    const page = await renderPage(HOME, {
      respond: publicApi,
      storage: rememberedPreferences('ug'),
    });
    await page.waitForId('nav-grid');

    expect(pageRootClasses(page)).toEqual(expect.arrayContaining(['tt-page', 'tt-page--rtl']));
    expect(pageRootClasses(page)).not.toContain('tt-page--ltr');
    expect(page.findNode((node) => node.uid === 'home')?.lang).toBe('ug');
  });

  it('should keep the layout left to right in Chinese', async () => {
    const page = await renderPage(HOME, {
      respond: publicApi,
      storage: rememberedPreferences('zh-CN'),
    });
    await page.waitForId('nav-grid');

    expect(pageRootClasses(page)).toContain('tt-page--ltr');
    expect(pageRootClasses(page)).not.toContain('tt-page--large');
  });

  it('should apply large text when it is chosen', async () => {
    const page = await renderPage(HOME, {
      respond: publicApi,
      storage: rememberedPreferences('zh-CN', true),
    });
    await page.waitForId('nav-grid');

    expect(pageRootClasses(page)).toContain('tt-page--large');
  });

  describe("following WeChat's own font size", () => {
    const LARGE_IN_WECHAT = { fontSizeScaleFactor: 1.3, fontSizeSetting: 22 };

    it("should start in large text when WeChat's font is large and nothing was chosen here", async () => {
      const page = await renderPage(HOME, {
        respond: publicApi,
        storage: rememberedPreferences('zh-CN'),
        appBaseInfo: LARGE_IN_WECHAT,
      });
      await page.waitForId('nav-grid');

      expect(pageRootClasses(page)).toContain('tt-page--large');
    });

    it("should keep the standard size when WeChat's font is standard", async () => {
      const page = await renderPage(HOME, {
        respond: publicApi,
        storage: rememberedPreferences('zh-CN'),
        appBaseInfo: { fontSizeScaleFactor: 1, fontSizeSetting: 17 },
      });
      await page.waitForId('nav-grid');

      expect(pageRootClasses(page)).not.toContain('tt-page--large');
    });

    it("should let a choice made in the app win over WeChat's font", async () => {
      const page = await renderPage(HOME, {
        respond: publicApi,
        storage: {
          ...rememberedPreferences('zh-CN'),
          'titletrack.textSizeChosen': '1',
        },
        appBaseInfo: LARGE_IN_WECHAT,
      });
      await page.waitForId('nav-grid');

      expect(pageRootClasses(page)).not.toContain('tt-page--large');
    });
  });
});
