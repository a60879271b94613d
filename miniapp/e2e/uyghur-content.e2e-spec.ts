import type { Page } from 'playwright-core';

import {
  PHONE_360,
  SCREENS,
  screenshot,
  signInAsDemo,
  useApplicantSuite,
} from './support/applicant';
import type { DemoPhone, Screen } from './support/applicant';

// Uyghur screens say everything in Uyghur except what is Chinese by nature (the notice, an
// office's note, names, employers, specialties, document numbers), which is marked lang="zh-CN"
// and quoted; every number sits in a left-to-right isolate, so nothing is reordered right to left.

// What shows once a screen's data is in.
const READY: Record<Screen, string> = {
  home: '#notice-list',
  calendar: '#calendar-timeline',
  application: '#current-status',
  todo: '#todo-list, #no-todo',
  fee: '#fee-amount',
  inbox: '#inbox-list, #inbox-empty',
  me: '#bind-form',
  certificate: '[id^="certificate-"], #no-certificate-yet',
  facts: '#facts-page .tt-facts__row',
  eligibility: '#eligibility-check',
  feedback: '#feedback-category',
};

interface Audit {
  // Text with Chinese characters outside any lang="zh-CN" element.
  chineseOutside: string[];
  // Text with digits outside any isolate (U+2066…U+2069, <bdi>, or a dir="ltr" element).
  digitsOutside: string[];
  // "三(一)" or "3(1)" drawn with its parenthesis before its head, as right to left reorders it.
  reordered: string[];
  textNodes: number;
}

// Every visible text node of the shown page, checked. Runs in the page.
function auditPage(): Audit {
  const han = /\p{Script=Han}/u;
  const sectionLike = /([0-9]+|[一二三四五六七八九十]+)[（(]([0-9]+|[一二三四五六七八九十]+)[)）]/g;
  const audit: Audit = { chineseOutside: [], digitsOutside: [], reordered: [], textNodes: 0 };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    const element = node.parentElement;
    if (!text.trim() || !element || element.closest('script, style')) continue;
    // Hidden pages of the stack and collapsed parts have no boxes.
    if (element.getClientRects().length === 0) continue;
    audit.textNodes += 1;
    // The text and where it is, to find it again.
    const shown = `${text.trim().slice(0, 80)} @${element.id || String(element.className).split(' ')[0] || element.tagName}`;
    if (han.test(text) && element.closest('[lang]')?.getAttribute('lang') !== 'zh-CN')
      audit.chineseOutside.push(shown);
    const outsideIsolates = text.replace(/[\u2066-\u2068][^\u2069]*\u2069/g, '');
    const isLtrElement =
      element.closest('bdi') !== null || element.closest('[dir]')?.getAttribute('dir') === 'ltr';
    if (/[0-9]/.test(outsideIsolates) && !isLtrElement) audit.digitsOutside.push(shown);
    // Inside an isolate, each character on a line stands right of the one before it.
    for (const isolated of text.matchAll(/\u2066([^\u2069]*)\u2069/g)) {
      const from = (isolated.index ?? 0) + 1;
      let previous: DOMRect | null = null;
      for (let offset = from; offset < from + (isolated[1]?.length ?? 0); offset += 1) {
        if (/\s/.test(text[offset] ?? '')) continue;
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        const glyph = range.getBoundingClientRect();
        if (previous && Math.abs(previous.top - glyph.top) < 2 && glyph.left < previous.left)
          audit.reordered.push(`"${isolated[1] ?? ''}" in "${shown}"`);
        previous = glyph;
      }
    }
    for (const match of text.matchAll(sectionLike)) {
      const start = match.index ?? 0;
      const box = (from: number, to: number): DOMRect => {
        const range = document.createRange();
        range.setStart(node, from);
        range.setEnd(node, to);
        return range.getBoundingClientRect();
      };
      const head = box(start, start + 1);
      const paren = box(start + (match[1]?.length ?? 0), start + (match[1]?.length ?? 0) + 1);
      // Same line only: a wrapped line proves nothing.
      if (Math.abs(head.top - paren.top) < 2 && head.left > paren.left)
        audit.reordered.push(`${match[0]} in "${shown}"`);
    }
  }
  return audit;
}

// A demo applicant on a 360×640 phone that chose Uyghur and large text.
const UYGHUR_LARGE: DemoPhone = { device: PHONE_360, locale: 'ug', isLargeText: true };

async function openScreen(page: Page, baseUrl: string, screen: Screen): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${baseUrl}${SCREENS[screen]}`);
  await page
    .locator(`.taro_page:visible ${READY[screen].split(', ').join(', .taro_page:visible ')}`)
    .first()
    .waitFor({ timeout: 20_000 });
  // Let the rest of the screen's data arrive.
  await page.waitForTimeout(600);
}

async function expectUyghurContent(page: Page, name: string): Promise<Audit> {
  expect(await page.evaluate(() => document.documentElement.getAttribute('dir'))).toBe('rtl');
  const audit = await page.evaluate(auditPage);
  expect({ name, chineseOutside: audit.chineseOutside }).toEqual({ name, chineseOutside: [] });
  expect({ name, digitsOutside: audit.digitsOutside }).toEqual({ name, digitsOutside: [] });
  expect({ name, reordered: audit.reordered }).toEqual({ name, reordered: [] });
  expect(audit.textNodes).toBeGreaterThan(5);
  await screenshot(page, `ug-content-${name}-360x640`);
  return audit;
}

describe('Uyghur content on every applicant screen (360×640, large text)', () => {
  const suite = useApplicantSuite();
  const baseUrl = (): string => suite.server().baseUrl;

  it('a returned application: every screen, the notice list and a notice quoted in Chinese', async () => {
    const page = suite.track(
      await signInAsDemo(suite.browser(), baseUrl(), 'returned', UYGHUR_LARGE),
    );
    const screens: Screen[] = [
      'home',
      'calendar',
      'application',
      'todo',
      'fee',
      'inbox',
      'me',
      'certificate',
      'facts',
      'feedback',
    ];
    for (const screen of screens) {
      await openScreen(page, baseUrl(), screen);
      await expectUyghurContent(page, screen === 'me' ? 'me-bind' : screen);
    }

    // The office's reason for the return is quoted, in Chinese, under a Uyghur lead-in.
    await openScreen(page, baseUrl(), 'application');
    const reason = page.locator('.taro_page:visible #return-reason');
    expect(await reason.getAttribute('role')).toBe('note');
    expect(await reason.locator('[lang="zh-CN"]').count()).toBe(1);

    // Section references in Arabic numerals with the Uyghur word for section, in order.
    await openScreen(page, baseUrl(), 'calendar');
    const source =
      (await page.locator('.taro_page:visible .tt-timeline__source').first().textContent()) ?? '';
    expect(source).toContain('\u20663(1)\u2069-ماددىسى');

    // The notice: a Uyghur heading made from data, the document number isolated, the body quoted.
    await openScreen(page, baseUrl(), 'home');
    await page.locator('.taro_page:visible #notice-list [role="link"]').first().click();
    await page.waitForURL(/pages\/notice\/index/, { timeout: 20_000 });
    await page.locator('.taro_page:visible #notice-original').waitFor({ timeout: 20_000 });
    await expectUyghurContent(page, 'notice');
    const title = (await page.locator('.taro_page:visible #notice-title').textContent()) ?? '';
    expect(title).toMatch(/ئۇقتۇرۇشى$/);
    const original = page.locator('.taro_page:visible #notice-original');
    expect(await original.textContent()).toContain('ئۇقتۇرۇشنىڭ ئەسلى تېكىستى (خەنزۇچە)');
    expect(await original.locator('[lang="zh-CN"][dir="ltr"]').count()).toBe(1);
    const number = (await page.locator('.taro_page:visible #notice-number').textContent()) ?? '';
    expect(number).toMatch(/^\u2066.*〔\d{4}〕\d+号\u2069$/);
  });

  it('the eligibility answers quote the notice and cite its sections in Arabic numerals', async () => {
    const page = suite.track(
      await signInAsDemo(suite.browser(), baseUrl(), 'drafting', UYGHUR_LARGE),
    );
    await openScreen(page, baseUrl(), 'eligibility');
    await page.locator('.taro_page:visible #eligibility-check').click();
    await page.locator('.taro_page:visible #eligibility-answers').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(300);
    await expectUyghurContent(page, 'eligibility');
    expect(
      await page.locator('.taro_page:visible #eligibility-answers [role="note"]').count(),
    ).toBeGreaterThan(0);
  });

  it('fee, to-do and inbox awaiting the fee; certificate and progress once it is issued', async () => {
    const feePage = suite.track(
      await signInAsDemo(suite.browser(), baseUrl(), 'awaiting_fee', UYGHUR_LARGE),
    );
    for (const screen of ['fee', 'todo', 'inbox'] as const) {
      await openScreen(feePage, baseUrl(), screen);
      await expectUyghurContent(feePage, `${screen}-awaiting-fee`);
      if (screen === 'fee') {
        // The amount is isolated: "450" never stands bare in the Uyghur sentence.
        const amount = await feePage.locator('.taro_page:visible #fee-amount').textContent();
        expect(amount).toMatch(/\u2066\d+\u2069/);
      }
    }

    const issued = suite.track(
      await signInAsDemo(suite.browser(), baseUrl(), 'certificate_issued', UYGHUR_LARGE),
    );
    for (const screen of ['certificate', 'application', 'inbox'] as const) {
      await openScreen(issued, baseUrl(), screen);
      await expectUyghurContent(issued, `${screen}-issued`);
      if (screen === 'certificate') {
        const holder = issued.locator('.taro_page:visible #certificate-holder [lang="zh-CN"]');
        expect(await holder.count()).toBe(1);
      }
    }
  });
});
