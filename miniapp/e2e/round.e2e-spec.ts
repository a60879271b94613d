import { mkdirSync } from 'node:fs';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import { beijingDateOf } from '@titletrack/shared/domain';

import { launchChromium } from './support/browser';
import { startRealServer } from './support/real-server';
import type { RealServer } from './support/real-server';

// The applicant's current round on today's real date: the seed has only Hotan's 2023 notice, so
// this year's is "not published yet" and 2023's dates are shown as last year's, for reference.
const SMALL = { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true };
const SHOTS = process.env.APPLICANT_SHOTS_DIR ?? '/tmp/applicant-shots';
const THIS_YEAR = Number(beijingDateOf(new Date()).slice(0, 4));

const text = async (page: Page, selector: string): Promise<string> =>
  ((await page.locator(selector).first().textContent({ timeout: 20_000 })) ?? '').trim();

describe('the current round on the H5 home screen, against the real server', () => {
  let server: RealServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  async function newPage(preferences?: string): Promise<Page> {
    const context = await browser.newContext(SMALL);
    contexts.push(context);
    if (preferences)
      await context.addInitScript((value) => {
        localStorage.setItem('titletrack.preferences', JSON.stringify({ data: value }));
      }, preferences);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startRealServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    expect(pageErrors).toEqual([]);
  });

  it("says this year's notice is not out and labels last year's dates, in Chinese", async () => {
    const page = await newPage();
    await page.goto(`${server.baseUrl}/#/pages/index/index`);
    await page.locator('#home #round-not-published').waitFor({ timeout: 20_000 });
    expect(await text(page, '#home #round-not-published-title')).toBe(
      `${THIS_YEAR} 年度通知尚未发布`,
    );
    expect(await text(page, '#home #earlier-year-label')).toBe('2023 年度（往年）日程，仅供参考');
    expect(await text(page, '#home #round-region')).toBe('地区：和田地区');
    expect(await text(page, '#home #notify-me')).toBe('通知发布时提醒我');
    expect(await text(page, '#home #notify-sign-in')).toBe('请先登录，再订阅发布提醒');
    // Last year's steps are there, but nothing counts down to them as if they were this year's.
    expect(await page.locator('#home #event-application').count()).toBe(1);
    expect(await page.locator('#home #next-deadline').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/home-not-published-zh-360x640.png`, fullPage: true });
  });

  it("changes the region with the phone's own list, named for a screen reader", async () => {
    const page = await newPage();
    await page.goto(`${server.baseUrl}/#/pages/index/index`);
    const regions = page.getByRole('combobox', { name: '更换地区' });
    await regions.waitFor({ timeout: 20_000 });
    await regions.selectOption('6531');
    await page.waitForFunction(() =>
      document.querySelector('#home #round-region')?.textContent?.includes('喀什地区'),
    );
    expect(await text(page, '#home #round-region')).toBe('地区：喀什地区');
    // No notice of Kashgar's was ever published: its round has no earlier year to show.
    expect(await text(page, '#home #earlier-year-label')).not.toContain('2023');
  });

  it('says the same in Uyghur, right to left, in large text', async () => {
    const page = await newPage('{"locale":"ug","isLargeText":true}');
    await page.goto(`${server.baseUrl}/#/pages/index/index`);
    await page.locator('#home #round-not-published').waitFor({ timeout: 20_000 });
    expect(await text(page, '#home #round-not-published-title')).toBe(
      `\u2066${THIS_YEAR}\u2069-يىللىق ئۇقتۇرۇش تېخى ئېلان قىلىنمىدى`,
    );
    expect(await text(page, '#home #earlier-year-label')).toContain('\u20662023\u2069-يىللىق');
    expect(await text(page, '#home #round-region')).toContain('خوتەن ۋىلايىتى');
    expect(
      await page.locator('#home #round').evaluate((element) => getComputedStyle(element).direction),
    ).toBe('rtl');
    await page.screenshot({
      path: `${SHOTS}/home-not-published-ug-large-360x640.png`,
      fullPage: true,
    });
  });

  it('creates the watch for a signed-in applicant and shows it, also after a reload', async () => {
    const page = await newPage();
    await page.goto(`${server.baseUrl}/#/packages/applicant/pages/me/index`);
    await page.locator('#sign-in').click({ timeout: 20_000 });
    await page.locator('#sign-out').waitFor({ timeout: 20_000 });
    await page.goto(`${server.baseUrl}/#/pages/index/index`);
    await page.locator('#home #notify-me').click({ timeout: 20_000 });
    expect(await text(page, '#home #notice-watching')).toBe('已订阅，发布时提醒你');
    await page.screenshot({ path: `${SHOTS}/home-watching-zh-360x640.png`, fullPage: true });
    await page.reload();
    expect(await text(page, '#home #notice-watching')).toBe('已订阅，发布时提醒你');
    const watches = await page.evaluate(async () => {
      const response = await fetch('/api/me/notice-watches', { credentials: 'same-origin' });
      return (await response.json()) as { items: Array<{ regionCode: string; year: number }> };
    });
    expect(watches.items).toEqual([
      expect.objectContaining({ regionCode: '6532', year: THIS_YEAR }),
    ]);
    await page.locator('#home #notice-unwatch').click();
    expect(await text(page, '#home #notify-me')).toBe('通知发布时提醒我');
  });

  it('remembers another region chosen on the phone', async () => {
    const page = await newPage('{"locale":"zh-CN","isLargeText":false,"regionCode":"6531"}');
    await page.goto(`${server.baseUrl}/#/pages/index/index`);
    expect(await text(page, '#home #round-region')).toBe('地区：喀什地区');
    expect(await text(page, '#home #earlier-year-label')).toBe('还没有往年的日程可供参考');
  });

  it('still shows the 2023 round as the current one under a demo clock in 2023', async () => {
    const page = await newPage();
    await page.goto(
      `${server.baseUrl}/#/pages/index/index?now=${encodeURIComponent('2023-08-20T11:58:00+08:00')}`,
    );
    expect(await text(page, '#home #next-deadline-title')).toBe('网上申报');
    expect(await page.locator('#home #round-not-published').count()).toBe(0);
    expect(await text(page, '#home')).toContain('2023 年度日程');
    await page.screenshot({ path: `${SHOTS}/home-demo-2023-zh-360x640.png`, fullPage: true });
  });
});
