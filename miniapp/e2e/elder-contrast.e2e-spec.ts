import type { Page } from 'playwright-core';

import {
  PHONE_360,
  SCREENS,
  screenshot,
  signInAsDemo,
  useApplicantSuite,
} from './support/applicant';

// Signed in as the demo applicant whose application has passed: its demo clock is late in the
// 2023 round, so the calendar has past items (the ones that were faded to 2.85:1).
const PERSONA = 'passed';

interface PageReport {
  scrollWidth: number;
  covered: string[];
}

// Texts a control is drawn over without holding them (the fixed tab bar aside: the page scrolls
// out from under it), and the document's width. Sizes and contrast of every screen are measured
// by every-screen.e2e-spec.ts (support/screen-audit.ts). Runs in the page.
function measureOverlaps(): PageReport {
  const isFixed = (start: Element): boolean => {
    for (let el: Element | null = start; el; el = el.parentElement)
      if (getComputedStyle(el).position === 'fixed') return true;
    return false;
  };
  const controls = Array.from(
    document.querySelectorAll('button, .nut-button, [role="button"]'),
  ).filter((el) => el.checkVisibility() && el.getBoundingClientRect().width > 0 && !isFixed(el));
  const covered: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    const element = node.parentElement;
    if (!text || !element || isFixed(element)) continue;
    if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const control of controls) {
      if (control.contains(node)) continue;
      const over = control.getBoundingClientRect();
      for (const line of Array.from(range.getClientRects()))
        if (
          line.left < over.right &&
          line.right > over.left &&
          line.top < over.bottom &&
          line.bottom > over.top
        ) {
          covered.push(`"${text.slice(0, 40)}" under ${control.id || control.className}`);
          break;
        }
    }
  }
  return { scrollWidth: document.scrollingElement?.scrollWidth ?? 0, covered };
}

// Each screen, how to reach it, and what shows once its data is in.
const ELDER_SCREENS: { name: string; path: (page: Page) => Promise<string>; ready: string }[] = [
  { name: 'home', path: async () => SCREENS.home, ready: '#notice-list' },
  { name: 'calendar', path: async () => SCREENS.calendar, ready: '.tt-timeline__item--past' },
  { name: 'notice-list', path: async () => SCREENS.home, ready: '#notice-list [id^="notice-"]' },
  {
    name: 'notice-body',
    path: async (page) => {
      await page.goto(page.url().replace(/#.*/, SCREENS.home));
      const first = page.locator('#notice-list [id^="notice-"]').first();
      const id = (await first.getAttribute('id', { timeout: 20_000 }))?.replace(/^notice-/, '');
      return `/#/pages/notice/index?id=${id ?? ''}`;
    },
    ready: '#notice-detail',
  },
  { name: 'application', path: async () => SCREENS.application, ready: '#current-status' },
  { name: 'bind', path: async () => SCREENS.me, ready: '#bind-form' },
  { name: 'inbox', path: async () => SCREENS.inbox, ready: '#inbox-page' },
  { name: 'me', path: async () => SCREENS.me, ready: '#me-page' },
];

describe('large text (elder mode) at 360 px: nothing drawn over text, nothing wider than the screen', () => {
  const suite = useApplicantSuite();

  for (const locale of ['zh-CN', 'ug'] as const) {
    it(`keeps every text clear of the controls and the screen narrow in ${locale}`, async () => {
      const { baseUrl } = suite.server();
      const page = suite.track(
        await signInAsDemo(suite.browser(), baseUrl, PERSONA, {
          device: PHONE_360,
          locale: locale,
          isLargeText: true,
        }),
      );
      const problems: string[] = [];
      for (const screen of ELDER_SCREENS) {
        const path = await screen.path(page);
        await page.goto(`${baseUrl}${path}`);
        await page.locator(screen.ready).first().waitFor({ timeout: 20_000 });
        await page.locator('#state-loading').waitFor({ state: 'detached', timeout: 20_000 });
        expect(await page.locator('.tt-page--large').count()).toBeGreaterThan(0);
        await screenshot(page, `elder-${screen.name}-${locale}`);
        const report = await page.evaluate(measureOverlaps);
        if (report.scrollWidth > PHONE_360.viewport.width)
          problems.push(`${screen.name}: ${report.scrollWidth} px wide`);
        for (const cover of report.covered) problems.push(`${screen.name}: ${cover}`);
      }
      expect(problems).toEqual([]);
    });
  }

  // The reported case: in Uyghur the unbind button was drawn over the application number in
  // the list of one's applications. The sweep above checks it; this says it by name.
  it('keeps the application number clear of the unbind button in Uyghur', async () => {
    const { baseUrl } = suite.server();
    const page = suite.track(
      await signInAsDemo(suite.browser(), baseUrl, PERSONA, {
        device: PHONE_360,
        locale: 'ug',
        isLargeText: true,
      }),
    );
    await page.goto(`${baseUrl}${SCREENS.me}`);
    const unbind = page.locator('[id^="unbind-"]').first();
    await unbind.scrollIntoViewIfNeeded({ timeout: 20_000 });
    const number = page.locator('#me-page .nut-cell', { has: unbind }).locator('.nut-cell-title');
    const [button, title] = await Promise.all([unbind.boundingBox(), number.boundingBox()]);
    if (!button || !title)
      throw new Error('The unbind button or the application number is not drawn');
    const isApart =
      button.y >= title.y + title.height ||
      title.y >= button.y + button.height ||
      button.x >= title.x + title.width ||
      title.x >= button.x + button.width;
    await screenshot(page, 'elder-me-applications-ug');
    expect(isApart).toBe(true);
  });

  for (const locale of ['zh-CN', 'ug'] as const) {
    it(`fits the bind form in 360 px at the usual size in ${locale}, the ID in plain sight`, async () => {
      const { baseUrl } = suite.server();
      const page = suite.track(
        await signInAsDemo(suite.browser(), baseUrl, PERSONA, {
          device: PHONE_360,
          locale: locale,
          isLargeText: false,
        }),
      );
      await page.goto(`${baseUrl}${SCREENS.me}`);
      const input = page.locator('input#bind-idCardNumber');
      await input.fill('65320119900517124x', { timeout: 20_000 });
      expect(await input.inputValue()).toBe('653201 19900517 124X');
      expect(await input.getAttribute('type')).not.toBe('password');
      const labelId = await input.getAttribute('aria-labelledby');
      expect(await page.locator(`#${labelId ?? 'missing'}`).textContent()).toBeTruthy();
      await screenshot(page, `bind-form-${locale}`);
      const scrollWidth = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
      expect(scrollWidth).toBeLessThanOrEqual(PHONE_360.viewport.width);
    });
  }
});
