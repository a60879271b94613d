import { publicApi } from '../support/api-sample';
import { allPageRoutes } from '../support/weapp-dist';
import { renderPage, waitUntil } from '../support/weapp-simulator';
import { rememberedPreferences } from '../support/wx-mock';

// Routes that need a query to show anything but "not found".
const QUERIES: Record<string, Record<string, string>> = {
  'pages/notice/index': { id: '1' },
};

// The title office's console is for staff, in Chinese only (packages/office/office-text.ts): its
// root is its own and does not follow the applicant's language.
const rootClassesOf = (route: string, directionClass: string): string[] =>
  route.startsWith('packages/office/') ? ['tt-office'] : ['tt-page', directionClass];

// Pages a signed-out visitor is sent away from, and where to.
const SIGNED_OUT_REDIRECTS: Record<string, string> = {
  'packages/office/pages/console/index': '/packages/office/pages/sign-in/index',
};

describe('every page of the weapp build', () => {
  let consoleError: jest.SpyInstance;

  beforeEach(() => {
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    consoleError.mockRestore();
  });

  describe.each([
    ['zh-CN', 'tt-page--ltr'],
    ['ug', 'tt-page--rtl'],
  ])('in %s', (locale, directionClass) => {
    it.each(allPageRoutes().filter((route) => !(route in SIGNED_OUT_REDIRECTS)))(
      'should render %s without error',
      async (route) => {
        const page = await renderPage(route, {
          respond: publicApi,
          storage: rememberedPreferences(locale),
          query: QUERIES[route],
        });

        const [rootClass, ...modifiers] = rootClassesOf(route, directionClass);
        const pageRoot = await waitUntil(
          () => page.findNode((node) => (node.cl ?? '').split(' ').includes(rootClass ?? '')),
          `the page root of ${route}`,
        );
        // Let the page's requests settle and React commit what they brought.
        await waitUntil(
          () => page.wx.requests.length === 0 || page.text().trim().length > 0,
          `text on ${route}`,
        );

        expect((pageRoot.cl ?? '').split(' ')).toEqual(expect.arrayContaining(modifiers));
        expect(page.text().trim()).not.toBe('');
        expect(consoleError).not.toHaveBeenCalled();
      },
    );

    it.each(Object.entries(SIGNED_OUT_REDIRECTS))(
      'should send a signed-out visitor from %s to %s',
      async (route, target) => {
        const page = await renderPage(route, {
          respond: publicApi,
          storage: rememberedPreferences(locale),
        });

        await waitUntil(() => page.wx.redirectTo.mock.calls.length > 0, `a redirect from ${route}`);

        expect(page.wx.redirectTo).toHaveBeenCalledWith(expect.objectContaining({ url: target }));
        expect(consoleError).not.toHaveBeenCalled();
      },
    );
  });
});
