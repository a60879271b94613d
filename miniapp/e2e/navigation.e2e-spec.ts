import type { Page } from 'playwright-core';

import {
  PHONE_360,
  SCREENS,
  screenshot,
  signInAsDemo,
  useApplicantSuite,
} from './support/applicant';
import type { Screen } from './support/applicant';

// Navigation and the accessibility tree of the H5 build at the smallest common phone size, in
// both languages: the tab bar on the four tab screens, title + back + home on every other one,
// and headings, named buttons, links and labelled inputs on each.

const TAB_SCREENS: Array<{ screen: Screen; tab: string; url: RegExp }> = [
  { screen: 'home', tab: 'home', url: /pages\/index\/index/ },
  { screen: 'application', tab: 'progress', url: /pages\/application\/index/ },
  { screen: 'inbox', tab: 'inbox', url: /pages\/inbox\/index/ },
  { screen: 'me', tab: 'me', url: /pages\/me\/index/ },
];
const SECONDARY_SCREENS: Screen[] = [
  'todo',
  'fee',
  'calendar',
  'certificate',
  'facts',
  'eligibility',
  'feedback',
];

const LOCALES = [
  { locale: 'zh-CN', titles: { todo: '待办', fee: '评审费', feedback: '投诉建议' }, back: '返回' },
  {
    locale: 'ug',
    titles: { todo: 'قىلىدىغان ئىشلار', fee: 'باھالاش ھەققى', feedback: 'ئەرز ۋە تەكلىپ' },
    back: 'قايتىش',
  },
] as const;

// A fresh load, as a deep link from a reminder is: nothing else in the page stack.
async function openScreen(page: Page, baseUrl: string, screen: Screen): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${baseUrl}${SCREENS[screen]}`);
  await page
    .locator('.taro_page:visible #page-title')
    .waitFor({ state: 'attached', timeout: 20_000 });
}

interface TreeSummary {
  headings: string[];
  unnamedButtons: number;
  buttons: string[];
  links: string[];
  unnamedTextboxes: number;
}

// The shown page's accessibility tree as Chromium exposes it (ARIA snapshot), summarised.
async function treeOf(page: Page): Promise<TreeSummary> {
  const yaml = await page.locator('.taro_page:visible').last().ariaSnapshot({ timeout: 20_000 });
  const lines = yaml.split('\n').map((line) => line.trim());
  const named = (role: string): string[] =>
    lines.flatMap((line) => {
      const match = new RegExp(`^- ${role} "((?:[^"\\\\]|\\\\.)*)"`).exec(line);
      return match?.[1] ? [match[1]] : [];
    });
  const unnamed = (role: string): number =>
    lines.filter((line) => new RegExp(`^- ${role}(?: \\[[^\\]]*\\])?(?::.*)?$`).test(line)).length;
  return {
    headings: named('heading'),
    buttons: named('button'),
    unnamedButtons: unnamed('button'),
    links: named('link'),
    unnamedTextboxes: unnamed('textbox'),
  };
}

describe('H5 navigation and accessibility', () => {
  const suite = useApplicantSuite();
  const baseUrl = (): string => suite.server().baseUrl;

  describe.each(LOCALES)('in $locale at 360×640', ({ locale, titles, back }) => {
    it('shows the tab bar on the four tab screens and switches without growing history', async () => {
      const page = suite.track(
        await signInAsDemo(suite.browser(), baseUrl(), 'returned', {
          device: PHONE_360,
          locale,
        }),
      );
      for (const { screen, tab } of TAB_SCREENS) {
        await openScreen(page, baseUrl(), screen);
        const bar = page.locator('.taro_page:visible #tab-bar');
        await bar.waitFor({ timeout: 20_000 });
        expect(await bar.getByRole('link').count()).toBe(4);
        expect(await bar.locator('[aria-current="page"]').getAttribute('id')).toBe(`tab-${tab}`);
        for (const box of await bar
          .getByRole('link')
          .evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().height))) {
          expect(box).toBeGreaterThanOrEqual(44);
        }
        await screenshot(page, `nav-tab-${screen}-${locale}-360x640`);
      }

      await openScreen(page, baseUrl(), 'home');
      const depth = await page.evaluate(() => history.length);
      for (const { tab, url } of [...TAB_SCREENS.slice(1), ...TAB_SCREENS.slice(0, 1)]) {
        await page.locator(`.taro_page:visible #tab-${tab}`).click({ timeout: 20_000 });
        await page.waitForURL(url, { timeout: 20_000 });
        await page
          .locator(`.taro_page:visible #tab-${tab}[aria-current="page"]`)
          .waitFor({ timeout: 20_000 });
      }
      expect(await page.evaluate(() => history.length)).toBe(depth);
    });

    it('gives every secondary screen a title, back and home; both work from a deep link', async () => {
      const page = suite.track(
        await signInAsDemo(suite.browser(), baseUrl(), 'returned', {
          device: PHONE_360,
          locale,
        }),
      );
      for (const screen of SECONDARY_SCREENS) {
        await openScreen(page, baseUrl(), screen);
        const shown = page.locator('.taro_page:visible');
        expect(await shown.locator('#tab-bar').count()).toBe(0);
        const title = shown.getByRole('heading', { level: 1 });
        expect(await title.count()).toBe(1);
        if (screen in titles) {
          expect((await title.textContent())?.trim()).toBe(titles[screen as keyof typeof titles]);
        }
        await shown.getByRole('button', { name: back }).waitFor({ timeout: 20_000 });
        expect(await shown.locator('#header-home').getAttribute('role')).toBe('link');
        await screenshot(page, `nav-${screen}-${locale}-360x640`);
      }

      // A deep link has nothing under it: back goes home.
      await openScreen(page, baseUrl(), 'fee');
      await page.locator('.taro_page:visible #header-back').click();
      await page.waitForURL(/pages\/index\/index/, { timeout: 20_000 });
      await page.locator('.taro_page:visible #tab-bar').waitFor({ timeout: 20_000 });

      await openScreen(page, baseUrl(), 'calendar');
      await page.locator('.taro_page:visible #header-home').click();
      await page.waitForURL(/pages\/index\/index/, { timeout: 20_000 });

      // Opened from home, back returns through history to home.
      await page.locator('.taro_page:visible #nav-todo').click({ timeout: 20_000 });
      await page.waitForURL(/pages\/todo\/index/, { timeout: 20_000 });
      await page.locator('.taro_page:visible #header-back').click({ timeout: 20_000 });
      await page.waitForURL(/pages\/index\/index/, { timeout: 20_000 });
      await page.locator('.taro_page:visible #nav-grid').waitFor({ timeout: 20_000 });
    });

    it('has headings, named buttons, links and labelled inputs on every screen', async () => {
      const page = suite.track(
        await signInAsDemo(suite.browser(), baseUrl(), 'returned', {
          device: PHONE_360,
          locale,
        }),
      );
      const screens: Screen[] = [...TAB_SCREENS.map(({ screen }) => screen), ...SECONDARY_SCREENS];
      for (const screen of screens) {
        await openScreen(page, baseUrl(), screen);
        // Let the screen's data arrive, so its controls are in the tree.
        await page.waitForTimeout(800);
        const tree = await treeOf(page);
        expect({ screen, headings: tree.headings.length > 0 }).toEqual({ screen, headings: true });
        expect({ screen, unnamedButtons: tree.unnamedButtons }).toEqual({
          screen,
          unnamedButtons: 0,
        });
        expect({ screen, unnamedTextboxes: tree.unnamedTextboxes }).toEqual({
          screen,
          unnamedTextboxes: 0,
        });
        expect({ screen, links: tree.links.length > 0 }).toEqual({ screen, links: true });
      }

      // Home: the screen's title for screen readers, its sections, and its tiles as links.
      await openScreen(page, baseUrl(), 'home');
      await page.locator('.taro_page:visible #nav-grid').waitFor({ timeout: 20_000 });
      const home = await treeOf(page);
      expect(home.headings.length).toBeGreaterThanOrEqual(3);
      expect(home.links.length).toBeGreaterThanOrEqual(7 + 4);
      await page.locator('.taro_page:visible #notice-list [role="link"]').first().click();
      await page.waitForURL(/pages\/notice\/index/, { timeout: 20_000 });
      await page.locator('.taro_page:visible #notice-title').waitFor({ timeout: 20_000 });
      const notice = await treeOf(page);
      expect(notice.headings.length).toBeGreaterThanOrEqual(2);
      await screenshot(page, `nav-notice-${locale}-360x640`);
      await page.locator('.taro_page:visible #header-back').click();
      await page.waitForURL(/pages\/index\/index/, { timeout: 20_000 });
    });
  });

  it('makes the tabs and the header buttons at least 60 px tall in large text (适老化)', async () => {
    const page = suite.track(
      await signInAsDemo(suite.browser(), baseUrl(), 'returned', { device: PHONE_360 }),
    );
    await openScreen(page, baseUrl(), 'me');
    await page.locator('#large-text').click({ timeout: 20_000 });
    await page.waitForFunction(() =>
      document.querySelector('#me-page')?.className.includes('tt-page--large'),
    );
    const heights = async (selector: string): Promise<number[]> =>
      page
        .locator(selector)
        .evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().height));
    const tabs = await heights('.taro_page:visible #tab-bar [role="link"]');
    expect(tabs).toHaveLength(4);
    for (const height of tabs) expect(height).toBeGreaterThanOrEqual(60);
    await openScreen(page, baseUrl(), 'fee');
    const buttons = await heights('.taro_page:visible #page-header [tabindex="0"]');
    expect(buttons).toHaveLength(2);
    for (const height of buttons) expect(height).toBeGreaterThanOrEqual(60);
    await screenshot(page, 'nav-fee-large-zh-CN-360x640');
  });
});
