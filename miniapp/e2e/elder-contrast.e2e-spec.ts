import type { Browser, BrowserContext, Page } from 'playwright-core';

import { SCREENS, screenshot, useApplicantSuite } from './support/applicant';

// The narrowest phone still common in Xinjiang, where a Uyghur line runs longest.
const NARROW_PHONE = {
  viewport: { width: 360, height: 640 },
  deviceScaleFactor: 2,
  isMobile: true,
};
// MIIT's elder version: text at least 18 px, tap targets at least 60 px; WCAG AA for all text.
const MIN_LARGE_TEXT_PX = 18;
const MIN_LARGE_TAP_PX = 60;
const MIN_CONTRAST = 4.5;
// Signed in as the demo applicant whose application has passed: its demo clock is late in the
// 2023 round, so the calendar has past items (the ones that were faded to 2.85:1).
const PERSONA = 'passed';

type Locale = 'zh-CN' | 'ug';

interface Finding {
  text: string;
  fontSize: number;
  contrast: number;
}

interface PageReport {
  scrollWidth: number;
  findings: Finding[];
  covered: string[];
  tapHeights: { label: string; height: number }[];
}

// Every visible text node's size and its contrast against what is drawn behind it: the text's
// colour, faded by its own alpha and its ancestors' opacity, over the nearest ancestor with a
// background colour (the page's when none). Runs in the page.
function measurePage(): PageReport {
  const parse = (value: string): [number, number, number, number] => {
    const parts =
      /rgba?\(([^)]+)\)/
        .exec(value)?.[1]
        ?.split(/[\s,/]+/)
        .filter(Boolean) ?? [];
    const [r = 0, g = 0, b = 0, a = 1] = parts.map(Number);
    return [r, g, b, a];
  };
  const blend = (
    top: [number, number, number, number],
    under: [number, number, number, number],
    alpha: number,
  ): [number, number, number, number] => [
    top[0] * alpha + under[0] * (1 - alpha),
    top[1] * alpha + under[1] * (1 - alpha),
    top[2] * alpha + under[2] * (1 - alpha),
    1,
  ];
  const luminance = ([r, g, b]: [number, number, number, number]): number => {
    const channel = (c: number): number => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  // A gradient (NutUI's primary buttons) counts as each of its colours; the worst one is judged.
  const backgroundsOf = (start: Element): [number, number, number, number][] => {
    for (let el: Element | null = start; el; el = el.parentElement) {
      const style = getComputedStyle(el);
      const stops = (style.backgroundImage.match(/rgba?\([^)]+\)/g) ?? []).map(parse);
      if (stops.length > 0) return stops;
      const color = parse(style.backgroundColor);
      if (color[3] > 0) return [color[3] >= 1 ? color : blend(color, [255, 255, 255, 1], color[3])];
    }
    return [[255, 255, 255, 1]];
  };
  const opacityOf = (start: Element): number => {
    let opacity = 1;
    for (let el: Element | null = start; el; el = el.parentElement)
      opacity *= Number(getComputedStyle(el).opacity);
    return opacity;
  };
  const isFixed = (start: Element): boolean => {
    for (let el: Element | null = start; el; el = el.parentElement)
      if (getComputedStyle(el).position === 'fixed') return true;
    return false;
  };
  const controls = Array.from(
    document.querySelectorAll('button, .nut-button, [role="button"]'),
  ).filter((el) => el.checkVisibility() && el.getBoundingClientRect().width > 0 && !isFixed(el));
  const findings: Finding[] = [];
  const covered: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    const element = node.parentElement;
    if (!text || !element) continue;
    if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const style = getComputedStyle(element);
    const color = parse(style.color);
    const contrasts = backgroundsOf(element).map((background) => {
      const shown = blend(color, background, color[3] * opacityOf(element));
      const [light, dark] = [luminance(shown), luminance(background)].sort((a, b) => b - a) as [
        number,
        number,
      ];
      return (light + 0.05) / (dark + 0.05);
    });
    findings.push({
      text: text.slice(0, 40),
      fontSize: parseFloat(style.fontSize),
      contrast: Math.round(Math.min(...contrasts) * 100) / 100,
    });
    // A control drawn over text it does not hold (the fixed tab bar aside: the page scrolls
    // out from under it).
    for (const control of isFixed(element) ? [] : controls) {
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
  const tapHeights = Array.from(
    document.querySelectorAll(
      'button, .nut-button, [role="button"], #nav-grid [id^="nav-"], #notice-list [id^="notice-"]',
    ),
  )
    .filter((el) => el.checkVisibility() && el.getBoundingClientRect().width > 0)
    .map((el) => ({
      label: (el.id || el.textContent || el.className).toString().trim().slice(0, 40),
      height: Math.round(el.getBoundingClientRect().height * 10) / 10,
    }));
  return {
    scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
    findings,
    covered,
    tapHeights,
  };
}

// Taro keeps each value as {"data": …} in localStorage.
async function rememberPreferences(
  context: BrowserContext,
  locale: Locale,
  isLargeText: boolean,
): Promise<void> {
  const preferences = JSON.stringify({ locale, isLargeText, regionCode: '6532' });
  await context.addInitScript((value: string) => {
    localStorage.setItem('titletrack.preferences', JSON.stringify({ data: value }));
  }, preferences);
}

async function signedInPhone(
  browser: Browser,
  baseUrl: string,
  locale: Locale,
  isLargeText = true,
): Promise<Page> {
  const context = await browser.newContext(NARROW_PHONE);
  await rememberPreferences(context, locale, isLargeText);
  const page = await context.newPage();
  await page.goto(`${baseUrl}${SCREENS.me}`);
  await page.locator(`#demo-${PERSONA}`).click({ timeout: 20_000 });
  await page.waitForURL(/pages\/application\/index/, { timeout: 20_000 });
  await page.locator('#current-status').waitFor({ timeout: 20_000 });
  return page;
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

describe('large text (elder mode) at 360 px: sizes, contrast and width', () => {
  const suite = useApplicantSuite();

  for (const locale of ['zh-CN', 'ug'] as const) {
    it(`keeps every screen readable in ${locale}`, async () => {
      const { baseUrl } = suite.server();
      const page = suite.track(await signedInPhone(suite.browser(), baseUrl, locale));
      const problems: string[] = [];
      for (const screen of ELDER_SCREENS) {
        const path = await screen.path(page);
        await page.goto(`${baseUrl}${path}`);
        await page.locator(screen.ready).first().waitFor({ timeout: 20_000 });
        await page.locator('#state-loading').waitFor({ state: 'detached', timeout: 20_000 });
        expect(await page.locator('.tt-page--large').count()).toBeGreaterThan(0);
        await screenshot(page, `elder-${screen.name}-${locale}`);
        const report = await page.evaluate(measurePage);
        expect(report.findings.length).toBeGreaterThan(5);
        if (report.scrollWidth > NARROW_PHONE.viewport.width)
          problems.push(`${screen.name}: ${report.scrollWidth} px wide`);
        for (const found of report.findings) {
          if (found.fontSize < MIN_LARGE_TEXT_PX)
            problems.push(`${screen.name}: "${found.text}" at ${found.fontSize} px`);
          if (found.contrast < MIN_CONTRAST)
            problems.push(`${screen.name}: "${found.text}" at ${found.contrast}:1`);
        }
        for (const cover of report.covered) problems.push(`${screen.name}: ${cover}`);
        for (const tap of report.tapHeights)
          if (tap.height < MIN_LARGE_TAP_PX)
            problems.push(`${screen.name}: tap target "${tap.label}" ${tap.height} px tall`);
      }
      expect(problems).toEqual([]);
    });
  }

  // The reported case: in Uyghur the unbind button was drawn over the application number in
  // the list of one's applications. The sweep above checks it; this says it by name.
  it('keeps the application number clear of the unbind button in Uyghur', async () => {
    const { baseUrl } = suite.server();
    const page = suite.track(await signedInPhone(suite.browser(), baseUrl, 'ug'));
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
      const page = suite.track(await signedInPhone(suite.browser(), baseUrl, locale, false));
      await page.goto(`${baseUrl}${SCREENS.me}`);
      const input = page.locator('input#bind-idCardNumber');
      await input.fill('65320119900517124x', { timeout: 20_000 });
      expect(await input.inputValue()).toBe('653201 19900517 124X');
      expect(await input.getAttribute('type')).not.toBe('password');
      const labelId = await input.getAttribute('aria-labelledby');
      expect(await page.locator(`#${labelId ?? 'missing'}`).textContent()).toBeTruthy();
      await screenshot(page, `bind-form-${locale}`);
      const scrollWidth = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
      expect(scrollWidth).toBeLessThanOrEqual(NARROW_PHONE.viewport.width);
    });
  }
});
