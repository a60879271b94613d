import type { Browser, Page } from 'playwright-core';

import {
  PHONE_360 as PHONE,
  SCREENS,
  rememberPreferences,
  screenshot,
  useApplicantSuite,
} from './support/applicant';
import { OFFICE_ADMIN, officeInput, officeServerEnv } from './support/office';
import { OFFICE_SECTION } from '../src/services/office-access';
import type { OfficeSection } from '../src/services/office-access';
import { accessibilityOf, measureScreen, requiredContrast } from './support/screen-audit';

// Every screen of the H5 build, applicant and office, walked in both languages at the usual
// and the large text size: its accessibility tree (a heading, every control and input named),
// the contrast of every text shown, the sizes elder mode promises (MIIT 适老化) and its width on
// the narrowest common phone. A screenshot of each lands in e2e/artifacts/ to be looked at.

type Locale = 'zh-CN' | 'ug';
const LOCALES: readonly Locale[] = ['zh-CN', 'ug'];
const DESKTOP = { viewport: { width: 1280, height: 800 } };
// Late in its 2023 round, so the calendar shows past items; it has a certificate too.
const PERSONA = 'passed';

const MIN_TAP_PX = 44;
const MIN_LARGE_TAP_PX = 60;
const MIN_LARGE_TEXT_PX = 18;
// A mouse on an office desktop: WCAG 2.5.8's minimum target.
const MIN_POINTER_TAP_PX = 24;

interface Screen {
  name: string;
  path: string | ((page: Page, baseUrl: string) => Promise<string>);
  // Shown once the screen's data is in.
  ready: string;
  // Brought into view for the screenshot.
  focus?: string;
}

const APPLICANT_SCREENS: Screen[] = [
  { name: 'home', path: SCREENS.home, ready: '#notice-list [id^="notice-"]' },
  {
    name: 'notice',
    path: async (page, baseUrl) => {
      await page.goto(`${baseUrl}${SCREENS.home}`);
      const first = page.locator('#notice-list [id^="notice-"]').first();
      const id = (await first.getAttribute('id', { timeout: 20_000 }))?.replace(/^notice-/, '');
      return `/#/pages/notice/index?id=${id ?? ''}`;
    },
    ready: '#notice-detail',
  },
  { name: 'calendar', path: SCREENS.calendar, ready: '.tt-timeline__item--past' },
  { name: 'application', path: SCREENS.application, ready: '#current-status' },
  { name: 'todo', path: SCREENS.todo, ready: '#page-title' },
  { name: 'fee', path: SCREENS.fee, ready: '#page-title' },
  { name: 'inbox', path: SCREENS.inbox, ready: '#inbox-page' },
  { name: 'me', path: SCREENS.me, ready: '#me-page' },
  { name: 'bind', path: SCREENS.me, ready: '#bind-form', focus: '#bind-form' },
  { name: 'certificate', path: SCREENS.certificate, ready: '#page-title' },
  { name: 'facts', path: SCREENS.facts, ready: '#page-title' },
  { name: 'eligibility', path: SCREENS.eligibility, ready: '#page-title' },
  { name: 'feedback', path: SCREENS.feedback, ready: '#page-title' },
];

// Every section of the console, as the prefecture office (which sees them all) has them.
const OFFICE_SECTIONS: readonly OfficeSection[] = Object.values(OFFICE_SECTION);

const SECTION_OPENS: Partial<Record<OfficeSection, { name: string; open: string; shown: string }>> =
  {
    notices: { name: 'notice-editor', open: '#office-notice-new', shown: '#office-notice-editor' },
    applications: {
      name: 'application-detail',
      open: '#office-application-list .tt-office-link',
      shown: '#office-application-detail',
    },
  };

async function phoneIn(
  browser: Browser,
  locale: Locale,
  isLargeText: boolean,
  size: typeof PHONE | typeof DESKTOP = PHONE,
): Promise<Page> {
  const context = await browser.newContext(size);
  await rememberPreferences(context, locale, isLargeText);
  return context.newPage();
}

async function signInAsDemo(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}${SCREENS.me}`);
  await page.locator(`#demo-${PERSONA}`).click({ timeout: 20_000 });
  await page.waitForURL(/pages\/application\/index/, { timeout: 20_000 });
  await page.locator('#current-status').waitFor({ timeout: 20_000 });
}

// A fresh load, as a deep link is; then what the screen shows once its data is in.
async function openScreen(page: Page, baseUrl: string, screen: Screen): Promise<void> {
  const path = typeof screen.path === 'string' ? screen.path : await screen.path(page, baseUrl);
  await page.goto('about:blank');
  await page.goto(`${baseUrl}${path}`);
  await page.locator(`.taro_page:visible ${screen.ready}`).first().waitFor({ timeout: 20_000 });
  await page.locator('#state-loading').waitFor({ state: 'detached', timeout: 20_000 });
  // Fonts and late images settle the layout.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(300);
}

interface Judgement {
  where: string;
  width: number;
  isLargeText: boolean;
  minTap: number;
}

// Everything wrong with the screen shown, one line each.
async function judge(
  page: Page,
  { where, width, isLargeText, minTap }: Judgement,
): Promise<string[]> {
  const problems: string[] = [];
  const tree = await accessibilityOf(page);
  if (tree.headings.length === 0) problems.push(`${where}: no heading`);
  for (const unnamed of tree.unnamed) problems.push(`${where}: unnamed ${unnamed}`);
  const measure = await page.evaluate(measureScreen);
  if (measure.texts.length === 0) problems.push(`${where}: no text drawn`);
  if (measure.scrollWidth > width) problems.push(`${where}: ${measure.scrollWidth} px wide`);
  for (const found of measure.texts) {
    if (found.contrast < requiredContrast(found))
      problems.push(`${where}: "${found.text}" at ${found.contrast}:1 (${found.fontSize} px)`);
    if (isLargeText && found.fontSize < MIN_LARGE_TEXT_PX)
      problems.push(`${where}: "${found.text}" at ${found.fontSize} px`);
  }
  for (const control of measure.controls)
    if (control.height < minTap)
      problems.push(`${where}: control "${control.label}" ${control.height} px tall`);
  for (const fake of measure.fakeControls)
    problems.push(`${where}: "${fake}" is clickable but not a button or link`);
  return problems;
}

async function shoot(page: Page, name: string, focus?: string): Promise<void> {
  if (focus) await page.locator(`.taro_page:visible ${focus}`).first().scrollIntoViewIfNeeded();
  await screenshot(page, name);
}

describe('every screen: accessibility tree, contrast, elder mode and width', () => {
  const suite = useApplicantSuite(officeServerEnv());
  const baseUrl = (): string => suite.server().baseUrl;

  for (const locale of LOCALES) {
    for (const isLargeText of [false, true]) {
      const size = isLargeText ? '-large' : '';
      it(`walks the applicant screens in ${locale}${isLargeText ? ' in large text' : ''} at 360×640`, async () => {
        const judgement = {
          width: PHONE.viewport.width,
          isLargeText,
          minTap: isLargeText ? MIN_LARGE_TAP_PX : MIN_TAP_PX,
        };
        const problems: string[] = [];

        // Before signing in: home invites to bind, and nothing personal shows.
        const signedOut = suite.track(await phoneIn(suite.browser(), locale, isLargeText));
        const home = APPLICANT_SCREENS[0] as Screen;
        await openScreen(signedOut, baseUrl(), home);
        expect(await signedOut.locator('.tt-page--large').count()).toBe(isLargeText ? 1 : 0);
        await shoot(signedOut, `screen-home-signed-out-${locale}${size}-360x640`);
        problems.push(...(await judge(signedOut, { ...judgement, where: 'home-signed-out' })));

        const page = suite.track(await phoneIn(suite.browser(), locale, isLargeText));
        await signInAsDemo(page, baseUrl());
        for (const screen of APPLICANT_SCREENS) {
          await openScreen(page, baseUrl(), screen);
          await shoot(page, `screen-${screen.name}-${locale}${size}-360x640`, screen.focus);
          problems.push(...(await judge(page, { ...judgement, where: screen.name })));
        }
        expect(problems).toEqual([]);
      });
    }
  }

  // Staff read Chinese whatever the phone's language: the console keeps its own direction when
  // the app around it was left in Uyghur.
  for (const locale of LOCALES) {
    for (const [sizeName, size] of [
      ['360x640', PHONE],
      ['1280x800', DESKTOP],
    ] as const) {
      it(`walks the office console with the app in ${locale} at ${sizeName}`, async () => {
        const judgement = {
          width: size.viewport.width,
          isLargeText: false,
          minTap: size === PHONE ? MIN_TAP_PX : MIN_POINTER_TAP_PX,
        };
        const problems: string[] = [];
        const page = suite.track(await phoneIn(suite.browser(), locale, false, size));
        await page.goto(`${baseUrl()}/#/packages/office/pages/sign-in/index`);
        await page.locator('#office-sign-in').waitFor({ timeout: 20_000 });
        await shoot(page, `screen-office-sign-in-${locale}-${sizeName}`);
        problems.push(...(await judge(page, { ...judgement, where: 'office-sign-in' })));

        await officeInput(page, 'office-username').fill(OFFICE_ADMIN.username);
        await officeInput(page, 'office-password').fill(OFFICE_ADMIN.password);
        await page.locator('#office-sign-in-submit').click();
        await page.locator('#office-console').waitFor({ timeout: 20_000 });
        expect(await page.locator('#office-console').getAttribute('dir')).toBe('ltr');

        for (const section of OFFICE_SECTIONS) {
          await page.goto('about:blank');
          await page.goto(`${baseUrl()}/#/packages/office/pages/console/index?section=${section}`);
          const shown = page.locator(`#office-${section}`);
          await shown.waitFor({ timeout: 20_000 });
          await page.waitForFunction(
            (id) => !document.querySelector(`#${id}`)?.textContent?.includes('正在加载'),
            `office-${section}`,
            { timeout: 20_000 },
          );
          await page.waitForTimeout(300);
          await shoot(page, `screen-office-${section}-${locale}-${sizeName}`);
          problems.push(...(await judge(page, { ...judgement, where: `office-${section}` })));
          // The screens a section opens: a new notice's editor, an application's detail.
          const opened = SECTION_OPENS[section];
          if (opened) {
            await page.locator(opened.open).first().click();
            await page.locator(opened.shown).waitFor({ timeout: 20_000 });
            await page.waitForTimeout(300);
            await shoot(page, `screen-office-${opened.name}-${locale}-${sizeName}`, opened.shown);
            problems.push(...(await judge(page, { ...judgement, where: `office-${opened.name}` })));
          }
        }
        expect(problems).toEqual([]);
      });
    }
  }
});
