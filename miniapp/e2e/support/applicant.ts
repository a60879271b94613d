import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import type { DemoPersona } from '@titletrack/shared/contract';

import { launchChromium } from './browser';
import { startRealServer } from './real-server';
import type { RealServer } from './real-server';

// The size the screenshots are judged at: a small phone.
export const SMALL_PHONE = {
  viewport: { width: 375, height: 667 },
  deviceScaleFactor: 2,
  isMobile: true,
};

export const ARTIFACTS_DIR = join(__dirname, '..', 'artifacts');

export const SCREENS = {
  me: '/#/packages/applicant/pages/me/index',
  application: '/#/packages/applicant/pages/application/index',
  todo: '/#/packages/applicant/pages/todo/index',
  fee: '/#/packages/applicant/pages/fee/index',
  inbox: '/#/packages/applicant/pages/inbox/index',
  calendar: '/#/packages/applicant/pages/calendar/index',
  certificate: '/#/packages/applicant/pages/certificate/index',
  home: '/#/pages/index/index',
  facts: '/#/packages/applicant/pages/facts/index',
  eligibility: '/#/packages/applicant/pages/eligibility/index',
  feedback: '/#/packages/applicant/pages/feedback/index',
} as const;
export type Screen = keyof typeof SCREENS;

// The narrowest phone still common in Xinjiang, where a Uyghur line runs longest.
export const PHONE_360 = {
  viewport: { width: 360, height: 640 },
  deviceScaleFactor: 2,
  isMobile: true,
};

// The language and text size a phone chose before, as the app stores them (Taro keeps each value
// as {"data": …} in localStorage).
export async function rememberPreferences(
  context: BrowserContext,
  locale: 'zh-CN' | 'ug',
  isLargeText: boolean,
): Promise<void> {
  const preferences = JSON.stringify({ locale, isLargeText, regionCode: '6532' });
  await context.addInitScript((value: string) => {
    // about:blank (between screens) has no storage of its own.
    if (location.protocol.startsWith('http'))
      localStorage.setItem('titletrack.preferences', JSON.stringify({ data: value }));
  }, preferences);
}

export const text = async (page: Page, selector: string): Promise<string> =>
  ((await page.locator(selector).first().textContent({ timeout: 20_000 })) ?? '').trim();

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`) });
}

export async function open(
  page: Page,
  baseUrl: string,
  screen: keyof typeof SCREENS,
): Promise<void> {
  await page.goto(`${baseUrl}${SCREENS[screen]}`);
}

// How the phone that signs in is set up: its screen, and the language and text size it chose
// before (remembered, as after an earlier visit); the usual 375×667 phone in Chinese by default.
export interface DemoPhone {
  device?: typeof SMALL_PHONE;
  locale?: 'zh-CN' | 'ug';
  isLargeText?: boolean;
}

// A fresh browser (own storage), signed in through the "try as a demo applicant" buttons.
export async function signInAsDemo(
  browser: Browser,
  baseUrl: string,
  persona: DemoPersona,
  phone: DemoPhone = {},
): Promise<Page> {
  const context = await browser.newContext(phone.device ?? SMALL_PHONE);
  if (phone.locale !== undefined || phone.isLargeText !== undefined)
    await rememberPreferences(context, phone.locale ?? 'zh-CN', phone.isLargeText ?? false);
  const page = await context.newPage();
  await open(page, baseUrl, 'me');
  if (phone.locale === 'ug')
    await page.waitForFunction(() => document.documentElement.getAttribute('dir') === 'rtl');
  await page.locator(`#demo-${persona}`).click({ timeout: 20_000 });
  await page.waitForURL(/pages\/application\/index/, { timeout: 20_000 });
  await page.locator('#current-status').waitFor({ timeout: 20_000 });
  return page;
}

export interface ApplicantSuite {
  server: () => RealServer;
  browser: () => Browser;
  // Registers a page whose script errors fail the test and which is closed after it.
  track: (page: Page) => Page;
}

/**
 * A real server and Chromium for one describe block: every page tracked is closed after each
 * test, and a script error on any of them fails that test.
 */
export function useApplicantSuite(env: Record<string, string> = {}): ApplicantSuite {
  let server: RealServer | undefined;
  let browser: Browser | undefined;
  const pageErrors: string[] = [];
  const pages: Page[] = [];

  beforeAll(async () => {
    server = await startRealServer(env);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.context().close()));
    expect(pageErrors.splice(0)).toEqual([]);
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The suite has not started');
    return value;
  };
  return {
    server: () => started(server),
    browser: () => started(browser),
    track: (page) => {
      page.on('pageerror', (error) => pageErrors.push(error.message));
      pages.push(page);
      return page;
    },
  };
}
