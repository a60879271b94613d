import { mkdirSync } from 'node:fs';

import type { Browser, Page } from 'playwright-core';

import { launchChromium } from './support/browser';
import { hotanNoticeFor, officeInput, officeServerEnv, signInOffice } from './support/office';
import { startRealServer } from './support/real-server';
import type { RealServer } from './support/real-server';

const SHOTS = '/tmp/office-shots';
const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, year: 2026, regionName: '和田地区' },
  { name: 'phone', viewport: { width: 375, height: 667 }, year: 2027, regionName: '和田地区' },
] as const;

// The editor's answer to the last action: its success line, or the problems / error shown instead.
async function outcome(page: Page): Promise<string> {
  const answer = page
    .locator('#office-notice-done, #office-notice-problems, #office-notice-error')
    .first();
  await answer.waitFor({ timeout: 20_000 });
  return ((await answer.textContent()) ?? '').trim();
}

describe('office console against the real server', () => {
  let server: RealServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startRealServer(officeServerEnv());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const { name, viewport, year } of VIEWPORTS) {
    it(`publishes a pasted notice, corrects a date and shows it in the calendar (${name})`, async () => {
      const page: Page = await browser.newPage({ viewport });
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      // The page scrolls inside Taro's page container, so a full-page shot shows only the top:
      // bring the part to look at into view first.
      const shot = async (step: string, selector: string): Promise<void> => {
        await page.locator(selector).first().scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/${name}-${step}.png` });
      };

      await signInOffice(page, server.baseUrl);
      // The staff session has its own key: the applicant's stays untouched.
      const stored = await page.evaluate(() => ({
        office: localStorage.getItem('titletrack.office-session') !== null,
        applicant: localStorage.getItem('titletrack.session') !== null,
      }));
      expect(stored).toEqual({ office: true, applicant: false });
      await page.locator('#office-notice-new').click();
      await officeInput(page, 'office-notice-year').fill(String(year));
      // Each viewport files its own year: one notice per region and year.
      const text = hotanNoticeFor(year);
      await officeInput(page, 'office-notice-title').fill(`关于做好${year}年度职称评审工作的通知`);
      await officeInput(page, 'office-notice-number').fill(`和人社字〔${year}〕1号`);
      await officeInput(page, 'office-notice-text').fill(text);
      await page.locator('#office-notice-read').click();
      await page.locator('#office-event-0').waitFor({ timeout: 20_000 });
      await shot('1-draft', '#office-notice-warnings');
      await shot('1-events', '#office-event-0');

      // Nothing is confirmed yet: publishing is refused with its reasons.
      expect(await page.locator('#office-notice-publish.nut-button-disabled').count()).toBe(1);
      expect(await page.locator('#office-publish-blockers').textContent()).toContain('未核对');
      await page.locator('#office-confirm-all').click();
      // Start-only readings need an end typed by hand.
      const events = await page.locator('[id^="office-event-"][data-kind]').count();
      for (let index = 0; index < events; index += 1) {
        const end = officeInput(page, `office-event-${index}-end-date`);
        if (!(await end.inputValue())) await end.fill(`${year}-12-31`);
      }
      for (const box of await page.locator('#office-notice-warnings .nut-checkbox').all())
        await box.click();
      // The draft states the platform address twice: saving is refused until one is removed.
      await page.locator('#office-notice-save').click();
      expect(await outcome(page)).toContain('同一参数出现了多次');
      const duplicate = page.locator('[data-duplicate="yes"] .tt-office-remove');
      while ((await duplicate.count()) > 0) await duplicate.first().click();
      await page.locator('#office-notice-save').click();
      expect(await outcome(page)).toBe('已保存');
      expect(await page.locator('#office-publish-blockers').count()).toBe(0);
      expect(await page.locator('#office-notice-publish.nut-button-disabled').count()).toBe(0);
      await page.locator('#office-notice-publish').click();
      await page
        .locator('#office-notice-editor[data-state="published"]')
        .waitFor({ timeout: 20_000 });
      expect(await page.locator('#office-notice-done').textContent()).toContain('已发布');
      await shot('2-published', '#office-notice-done');

      // Move the first step's deadline by five days and send it with a note.
      const kind = await page.locator('#office-event-0').getAttribute('data-kind');
      const endDate = officeInput(page, 'office-event-0-end-date');
      const oldEnd = await endDate.inputValue();
      const newEnd = new Date(Date.parse(`${oldEnd}T00:00:00Z`) + 5 * 86_400_000)
        .toISOString()
        .slice(0, 10);
      await endDate.fill(newEnd);
      await page.locator('#office-correction .tt-office-change').waitFor();
      expect(
        await page.locator('#office-correction .tt-office-change__new').textContent(),
      ).toContain(newEnd);
      await officeInput(page, 'office-note').fill('因系统维护，网上申报截止时间顺延五天');
      await shot('3-correction', '#office-correction');
      await page.locator('#office-correction-send').click();
      await page.waitForFunction(
        () => document.querySelector('#office-notice-done')?.textContent?.includes('已更正'),
        null,
        { timeout: 20_000 },
      );

      // The applicant's home, in its own browser context (no staff session), on a day of that
      // year (the demo clock): the round is published and shows the corrected deadline.
      const applicantContext = await browser.newContext({ viewport });
      const home = await applicantContext.newPage();
      await home.goto(
        `${server.baseUrl}/#/pages/index/index?now=${encodeURIComponent(`${year}-08-01T12:00:00+08:00`)}`,
      );
      const timeline = home.locator('#calendar-timeline');
      await timeline.waitFor({ timeout: 20_000 });
      await home.waitForFunction(
        (expected) => document.querySelector('#calendar-timeline')?.textContent?.includes(expected),
        `${newEnd} 24:00`,
        { timeout: 20_000 },
      );
      expect(await home.locator('#round-not-published').count()).toBe(0);
      await timeline.scrollIntoViewIfNeeded();
      await home.screenshot({ path: `${SHOTS}/${name}-applicant-home.png` });
      await applicantContext.close();

      await page.locator('#office-nav-calendar').click();
      await officeInput(page, 'office-calendar-year').fill(String(year));
      // The section first shows this year's calendar, then the year typed: wait for that one.
      await page.waitForFunction(
        (expected) =>
          document.querySelector('#office-calendar-table')?.textContent?.includes(expected),
        `${newEnd} 24:00`,
        { timeout: 20_000 },
      );
      expect(kind).not.toBeNull();
      await shot('4-calendar', '#office-calendar-table');

      await page.locator('#office-nav-notices').click();
      await officeInput(page, 'office-notices-year').fill(String(year));
      await page.locator('#office-notice-list').waitFor({ timeout: 20_000 });
      expect(await page.locator('#office-notice-list').textContent()).toContain('已发布');
      await shot('5-notices', '#office-notice-list');

      // Signing out ends the staff session only and returns to the sign-in form.
      await page.locator('#office-sign-out').click();
      await page.locator('#office-sign-in').waitFor({ timeout: 20_000 });
      await shot('6-signed-out', '#office-sign-in');

      expect(pageErrors).toEqual([]);
      await page.close();
    });
  }
  it('opens every section of the prefecture office without an error (desktop and phone)', async () => {
    for (const { name, viewport } of VIEWPORTS) {
      const page: Page = await browser.newPage({ viewport });
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await signInOffice(page, server.baseUrl);
      for (const section of ['imports', 'applications', 'reminders', 'certificates', 'staff']) {
        await page.locator(`#office-nav-${section}`).click();
        await page.locator(`#office-${section}`).waitFor({ timeout: 20_000 });
        await page.waitForFunction(
          (id) => !document.querySelector(`#${id}`)?.textContent?.includes('正在加载'),
          `office-${section}`,
          { timeout: 20_000 },
        );
        expect(await page.locator(`#office-${section} .tt-office-message--error`).count()).toBe(0);
        await page.screenshot({ path: `${SHOTS}/${name}-section-${section}.png` });
      }
      expect(pageErrors).toEqual([]);
      await page.close();
    }
  });
});
