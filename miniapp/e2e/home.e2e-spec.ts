import type { Browser, Page } from 'playwright-core';

import { launchChromium } from './support/browser';
import { productionEnv } from './support/production-env';
import { startRealServer } from './support/real-server';
import type { RealServer } from './support/real-server';

// A phone-sized viewport, as the H5 build is mostly opened on phones.
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true };

async function openHome(page: Page, server: RealServer, now?: string): Promise<void> {
  const query = now ? `?now=${encodeURIComponent(now)}` : '';
  await page.goto(`${server.baseUrl}/#/pages/index/index${query}`);
}

const text = async (page: Page, selector: string): Promise<string> =>
  ((await page.locator(selector).first().textContent({ timeout: 20_000 })) ?? '').trim();

describe('H5 home page against the real server', () => {
  let server: RealServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startRealServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage(PHONE);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterEach(async () => {
    await page?.close();
    expect(pageErrors).toEqual([]);
  });

  it('reads the next deadline with its countdown at a demo "now", then opens a notice', async () => {
    // 11:58 leaves 10 days 12 hours 2 minutes; the clock runs while the test reads.
    await openHome(page, server, '2023-08-20T11:58:00+08:00');
    expect(await text(page, '#next-deadline-title')).toBe('网上申报');
    expect(await text(page, '#next-deadline-time')).toBe(
      '2023-08-30 24:00 北京时间（新疆时间 22:00）',
    );
    expect(await text(page, '#next-deadline-countdown')).toMatch(
      /^还剩 10 天 12 小时 [01] 分 \d+ 秒$/,
    );
    expect(await text(page, '#demo-clock')).toContain('2023-08-20 11:5');
    if (process.env.E2E_SCREENSHOT_DIR) {
      await page.screenshot({ path: `${process.env.E2E_SCREENSHOT_DIR}/home.png`, fullPage: true });
    }
    expect(await text(page, '#event-application')).toContain('进行中');
    expect(await text(page, '#event-fee')).toContain('未开始');

    await page.locator('#notice-list [id^="notice-"]').first().click();
    expect(await text(page, '#notice-title')).toBe(
      '关于开展和田地区各系列（专业）2023年度职称评审工作的通知',
    );
    expect(await text(page, '#notice-detail')).toContain('联系人：付永超');
  });

  it('moves "today" and the next deadline as the demo clock moves', async () => {
    await openHome(page, server, '2023-09-15T09:00:00+08:00');
    expect(await text(page, '#next-deadline-title')).toBe('纸质评审材料报送');
    expect(await text(page, '#next-deadline-time')).toBe(
      '2023-09-29 24:00 北京时间（新疆时间 22:00）',
    );
    expect(await text(page, '#event-application')).toContain('已结束');
    const order = await page
      .locator('#calendar-timeline > *')
      .evaluateAll((nodes) => nodes.map((node) => node.id).filter(Boolean));
    expect(order.indexOf('timeline-today')).toBe(order.indexOf('event-paper_materials') - 1);
  });

  it('shows a message and a retry button when the network is down, and recovers', async () => {
    await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await openHome(page, server, '2023-08-20T12:00:00+08:00');
    expect(await text(page, '#state-error')).toContain('网络连接失败');
    await page.unroute('**/api/**');
    await page.locator('#retry').click();
    expect(await text(page, '#next-deadline-title')).toBe('网上申报');
  });
});

describe('H5 home page against a production server', () => {
  let server: RealServer;
  let browser: Browser;

  beforeAll(async () => {
    // Production refuses to start without its own ID-protection keys.
    server = await startRealServer(productionEnv());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("ignores the demo clock: it is today, and this year's notice is not out yet", async () => {
    const page = await browser.newPage(PHONE);
    await openHome(page, server, '2023-08-20T12:00:00+08:00');
    const thisYear = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    expect(await text(page, '#round-not-published-title')).toBe(`${thisYear} 年度通知尚未发布`);
    expect(await text(page, '#earlier-year-label')).toBe('2023 年度（往年）日程，仅供参考');
    expect(await page.locator('#demo-clock').count()).toBe(0);
    await page.close();
  });
});
