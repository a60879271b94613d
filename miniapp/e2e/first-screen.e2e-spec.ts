import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import { ARTIFACTS_DIR } from './support/applicant';
import { launchChromium } from './support/browser';
import { startRealServer } from './support/real-server';
import type { RealServer } from './support/real-server';

// The home screen the server draws into the page (server module first-screen): there before any
// script, taken over by the app without a change a reader could see.
const PHONE = { viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true };

// What both drawings show (the live countdown aside), by the selector in each.
const PARTS = [
  { name: 'nav', server: '#first-screen .tt-nav', app: '#home #nav-grid' },
  {
    name: 'eligibility entry',
    server: '#first-screen .tt-first-screen__eligibility',
    app: '#home #eligibility-entry',
  },
  // On today's date this year's notice is not out: both say so above last year's dates.
  {
    name: 'round not published',
    server: '#first-screen .tt-round__pending-title',
    app: '#home #round-not-published-title',
  },
  {
    name: 'earlier year label',
    server: '#first-screen .tt-round__earlier',
    app: '#home #earlier-year-label',
  },
  { name: 'timeline', server: '#first-screen .tt-timeline', app: '#home #calendar-timeline' },
  { name: 'notices', server: '#first-screen .tt-notices', app: '#home #notice-list' },
];

async function box(page: Page, selector: string): Promise<number[]> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const rect = element.getBoundingClientRect();
      return [rect.x, rect.y, rect.width, rect.height].map((value) => Math.round(value * 10) / 10);
    });
}

describe('the first screen the server draws into the H5 page', () => {
  let server: RealServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  async function newPage(options: {
    withScripts: boolean;
    storage?: Record<string, string>;
    cookie?: string;
  }): Promise<Page> {
    const context = await browser.newContext(PHONE);
    contexts.push(context);
    if (!options.withScripts) await context.route('**/*.js', (route) => route.abort());
    if (options.storage) {
      // As Taro's H5 storage keeps values: {"data": "..."}.
      await context.addInitScript((entries) => {
        for (const [key, value] of Object.entries(entries))
          localStorage.setItem(key, JSON.stringify({ data: value }));
      }, options.storage);
    }
    if (options.cookie)
      await context.addCookies([
        { name: 'titletrack_locale', value: options.cookie, url: server.baseUrl },
      ]);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  beforeAll(async () => {
    server = await startRealServer();
    browser = await launchChromium();
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    expect(pageErrors).toEqual([]);
  });

  it('shows the deadlines and the notices with no script at all', async () => {
    const page = await newPage({ withScripts: false });
    await page.goto(`${server.baseUrl}/`);
    await page.locator('#first-screen').waitFor({ state: 'visible' });
    expect(await page.locator('#first-screen .tt-timeline__title').first().textContent()).toBe(
      '网上申报',
    );
    expect(await page.locator('#first-screen .tt-timeline__when').first().textContent()).toBe(
      '开始：2023-07-20 00:00 北京时间（新疆时间 2023-07-19 22:00）',
    );
    expect(await page.locator('#first-screen .tt-notices__title').first().textContent()).toBe(
      '关于开展和田地区各系列（专业）2023年度职称评审工作的通知',
    );
    expect(await page.locator('#first-screen .tt-round__pending-title').textContent()).toMatch(
      /^\d{4} 年度通知尚未发布$/,
    );
    expect(await page.locator('#first-screen .tt-round__earlier').textContent()).toBe(
      '2023 年度（往年）日程，仅供参考',
    );
    // The sign-in hint and the round's "sign in first" note.
    const signedOut = page.locator('#first-screen .tt-first-screen__signed-out');
    expect(await signedOut.count()).toBe(2);
    for (const index of [0, 1]) expect(await signedOut.nth(index).isVisible()).toBe(true);
    expect(await page.locator('#first-screen .tt-first-screen__signed-in').isVisible()).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'first-screen-no-script-375x667.png') });
  });

  it('is taken over by the app with the same text in the same places, then removed', async () => {
    const drawn = await newPage({ withScripts: false });
    await drawn.goto(`${server.baseUrl}/`);
    await drawn.locator('#first-screen').waitFor({ state: 'visible' });
    const app = await newPage({ withScripts: true });
    // The calendar API answers only after 15 s: the app's home screen must not wait for it,
    // because it starts from the data the server put in the page.
    await app.route('**/api/calendars**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 15_000));
      await route.continue().catch(() => undefined);
    });
    await app.goto(`${server.baseUrl}/`);
    await app.locator('#home #calendar-timeline').waitFor({ timeout: 10_000 });
    expect(await app.locator('#first-screen').count()).toBe(0);
    for (const part of PARTS) {
      expect({ part: part.name, text: await app.locator(part.app).first().textContent() }).toEqual({
        part: part.name,
        text: await drawn.locator(part.server).first().textContent(),
      });
      expect({ part: part.name, box: await box(app, part.app) }).toEqual({
        part: part.name,
        box: await box(drawn, part.server),
      });
    }
  });

  it('shows a signed-in phone a loading skeleton where the sign-in hint would be', async () => {
    const page = await newPage({
      withScripts: false,
      storage: { 'titletrack.session': '{"token":"x"}' },
    });
    await page.goto(`${server.baseUrl}/`);
    expect(await page.locator('html').getAttribute('data-first-screen')).toBe('signed-in');
    expect(await page.locator('#first-screen .tt-first-screen__signed-in').isVisible()).toBe(true);
    const signedOut = page.locator('#first-screen .tt-first-screen__signed-out');
    for (const index of [0, 1]) expect(await signedOut.nth(index).isVisible()).toBe(false);
  });

  it('stays hidden on another screen, under a demo clock, in large text, or in a language it was not drawn in', async () => {
    const cases: Array<{ path: string; storage?: Record<string, string> }> = [
      { path: '/#/packages/applicant/pages/me/index' },
      { path: '/#/pages/index/index?now=2023-08-20T10%3A00%3A00%2B08%3A00' },
      { path: '/', storage: { 'titletrack.demoClock': '-100000000' } },
      { path: '/', storage: { 'titletrack.preferences': '{"locale":"zh-CN","isLargeText":true}' } },
      { path: '/', storage: { 'titletrack.preferences': '{"locale":"ug","isLargeText":false}' } },
    ];
    for (const { path, storage } of cases) {
      const page = await newPage({ withScripts: false, storage });
      await page.goto(`${server.baseUrl}${path}`);
      expect({ path, storage, visible: await page.locator('#first-screen').isVisible() }).toEqual({
        path,
        storage,
        visible: false,
      });
    }
  });

  it('is drawn in Uyghur, right to left, for a phone that chose Uyghur', async () => {
    const page = await newPage({
      withScripts: false,
      storage: { 'titletrack.preferences': '{"locale":"ug","isLargeText":false}' },
      cookie: 'ug',
    });
    await page.goto(`${server.baseUrl}/`);
    await page.locator('#first-screen').waitFor({ state: 'visible' });
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('#first-screen .tt-page').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('#first-screen .tt-timeline__title').first().textContent()).not.toBe(
      '网上申报',
    );
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'first-screen-ug-375x667.png') });
  });
});
