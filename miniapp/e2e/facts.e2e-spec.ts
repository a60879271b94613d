import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Locator, Page } from 'playwright-core';

import { SMALL_PHONE, open, signInAsDemo, text, useApplicantSuite } from './support/applicant';

const SHOTS_DIR = '/tmp/facts-shots';
const FACTS = '/#/packages/applicant/pages/facts/index';
const ELIGIBILITY = '/#/packages/applicant/pages/eligibility/index';

// A Taro H5 input is a custom element around the real <input>.
const inputOf = (page: Page, id: string): Locator =>
  page.locator(`#${id} input, input#${id}`).first();

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`), fullPage: true });
}

// "What I must do, from what is true about me" on the H5 build against the real server: my facts,
// the eligibility check, to-dos that lead somewhere, a checklist kept across devices, and the
// return reason.
describe('H5 facts, eligibility and to-dos that lead somewhere', () => {
  const suite = useApplicantSuite();

  it('returned: the return reason is shown and the last submission is flagged in red', async () => {
    const page = suite.track(
      await signInAsDemo(suite.browser(), suite.server().baseUrl, 'returned'),
    );
    const reason = await text(page, '#return-reason');
    expect(reason.length).toBeGreaterThan(4);
    expect(reason).not.toContain('没有给出退回意见');
    expect(await text(page, '#last-submission')).toContain('最后一次提交机会');
    const background = await page
      .locator('#last-submission')
      .evaluate((node) => getComputedStyle(node).backgroundColor);
    expect(background).toBe('rgb(183, 28, 28)');

    await open(page, suite.server().baseUrl, 'todo');
    expect(await text(page, '#todo-page #action-last-submission')).toContain('最后一次提交机会');

    // An intermediate applicant's fee names the level once.
    await open(page, suite.server().baseUrl, 'fee');
    expect(await text(page, '#fee-level')).toBe('中级');
    expect(await page.locator('#fee-how').count()).toBe(0);
  });

  it('drafting with 80 hours: the shortfall leads to my facts, 10 more hours clear it', async () => {
    const page = suite.track(
      await signInAsDemo(suite.browser(), suite.server().baseUrl, 'drafting'),
    );
    await open(page, suite.server().baseUrl, 'todo');
    const todo = await text(page, '#action-complete_continuing_education');
    const year = /(\d{4})/.exec(todo)?.[1];
    expect(year).toBeDefined();
    await page.locator('#action-complete_continuing_education #open-facts').click();
    await page.waitForURL(/pages\/facts\/index/, { timeout: 20_000 });
    expect(await text(page, '#fact-ce-source')).toContain('本人填报');

    const publicHours = inputOf(page, `ce-${year}-public`);
    await publicHours.waitFor({ timeout: 20_000 });
    const before = Number((await publicHours.inputValue()) || '0');
    await publicHours.fill(String(before + 10));
    await page.locator('#facts-save').click();
    expect(await text(page, '#facts-message')).toContain('已保存');

    // A fresh load of the list, so no page kept in the history stack answers for it.
    await open(page, suite.server().baseUrl, 'todo');
    await page.reload();
    await page.locator('#todo-list').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    expect(await page.locator('#action-submit_application').count()).toBe(1);
    expect(await page.locator('#action-complete_continuing_education').count()).toBe(0);
  });

  it('a ticked attachment stays ticked after a reload', async () => {
    const page = suite.track(
      await signInAsDemo(suite.browser(), suite.server().baseUrl, 'drafting'),
    );
    const first = page.locator('#checklist [role="checkbox"]').first();
    await first.waitFor({ timeout: 20_000 });
    const key = await first.getAttribute('data-key');
    const item = page.locator(`#checklist [data-key="${key}"]`);
    const isDone = async (): Promise<boolean> =>
      (await item.getAttribute('class'))?.includes('tt-checklist__item--done') ?? false;
    const wasDone = await isDone();
    const saved = page.waitForResponse(
      (response) => response.url().includes('/checklist') && response.request().method() === 'PUT',
    );
    await item.click();
    expect((await saved).ok()).toBe(true);
    expect(await isDone()).toBe(!wasDone);
    await page.reload();
    await page.locator(`#checklist [data-key="${key}"]`).waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    expect(await isDone()).toBe(!wasDone);
  });

  it('a visitor who declared facts gets an eligibility answer without binding', async () => {
    const context = await suite.browser().newContext(SMALL_PHONE);
    const page = suite.track(await context.newPage());
    await open(page, suite.server().baseUrl, 'me');
    await page.locator('#sign-in').click({ timeout: 20_000 });
    await page.locator('#sign-out').waitFor({ timeout: 20_000 });
    await page.goto(`${suite.server().baseUrl}${FACTS}`);
    await page.locator('#route-choice-prefecture_directed').click({ timeout: 20_000 });
    await page.locator('#employer-choice-public_institution').click();
    await page.locator('#facts-save').click();
    expect(await text(page, '#facts-message')).toContain('已保存');
    expect(await text(page, '#fact-route-source')).toContain('本人填报');

    await page.goto(`${suite.server().baseUrl}${ELIGIBILITY}`);
    await page.locator('#eligibility-level-intermediate').click({ timeout: 20_000 });
    await page.locator('#eligibility-series-engineering').click();
    await page.locator('#eligibility-check').click();
    await page.locator('#eligibility-answers').waitFor({ timeout: 20_000 });
    expect(await text(page, '#answer-R2')).toContain('可以申报');
    expect(await text(page, '#answer-R13')).toContain('信息不足');
    expect(await text(page, '#eligibility-answers')).toContain('和地职称办〔2023〕1号');
    expect(await page.locator('#go-facts').count()).toBe(1);
  });

  it('each to-do leads to its target: the fee page, the platform, the office', async () => {
    const page = suite.track(
      await signInAsDemo(suite.browser(), suite.server().baseUrl, 'awaiting_fee'),
    );
    await open(page, suite.server().baseUrl, 'home');
    await page.locator('#home #action-pay_fee').click({ timeout: 20_000 });
    await page.waitForURL(/pages\/fee\/index/, { timeout: 20_000 });
    expect(await text(page, '#fee-level')).toBe('高级（副高级）');
    expect(await text(page, '#fee-how')).toContain('评审系统');

    await open(page, suite.server().baseUrl, 'todo');
    const paper = page.locator('#todo-page #action-send_paper_materials');
    await paper.waitFor({ timeout: 20_000 });
    expect(await paper.getAttribute('data-office-deadline')).toBe('false');
    expect(await text(page, '#todo-page #action-send_paper_materials #call-office')).toMatch(
      /\d{4}/,
    );
    await page.locator('#todo-page #action-pay_fee #open-fee').click();
    await page.waitForURL(/pages\/fee\/index/, { timeout: 20_000 });

    const drafting = suite.track(
      await signInAsDemo(suite.browser(), suite.server().baseUrl, 'drafting'),
    );
    await open(drafting, suite.server().baseUrl, 'todo');
    expect(await text(drafting, '#action-submit_application #platform-url')).toContain(
      'ht.xjzcsq.com',
    );
    // The platform itself is not reachable from the test machine: answer for it.
    await drafting
      .context()
      .route('http://ht.xjzcsq.com/**', (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: '<p>platform</p>' }),
      );
    const [popup] = await Promise.all([
      drafting.context().waitForEvent('page', { timeout: 20_000 }),
      drafting.locator('#action-submit_application #open-platform').click(),
    ]);
    await popup.waitForURL(/ht\.xjzcsq\.com/, { timeout: 20_000 });
    await popup.close();
  });

  it('passed: no defence line, the fee is paid with nothing to do, no certificate yet is explained', async () => {
    const page = suite.track(await signInAsDemo(suite.browser(), suite.server().baseUrl, 'passed'));
    expect(await page.locator('#defence').count()).toBe(0);
    expect(await text(page, '#application-page')).not.toContain('需要参加专业水平答辩');
    await open(page, suite.server().baseUrl, 'fee');
    expect(await text(page, '#fee-done')).toContain('已缴纳');
    expect(await page.locator('#fee-how').count()).toBe(0);
    // The office's own steps read as expected dates, never as the applicant's deadline.
    await open(page, suite.server().baseUrl, 'todo');
    const officeStep = page.locator('#todo-page [data-office-deadline="true"]').first();
    await officeStep.waitFor({ timeout: 20_000 });
    expect(await officeStep.textContent()).toContain('预计');
    expect(await officeStep.textContent()).not.toContain('截止：');
    await open(page, suite.server().baseUrl, 'certificate');
    expect(await text(page, '#no-certificate-yet')).toContain('还没有签发');
    expect(await page.locator('#gate-bind').count()).toBe(0);
  });

  it('screenshots at 360×640 with large text, in Chinese and in Uyghur', async () => {
    for (const lang of ['zh-CN', 'ug'] as const) {
      const page = suite.track(
        await signInAsDemo(suite.browser(), suite.server().baseUrl, 'returned'),
      );
      await page.setViewportSize({ width: 360, height: 640 });
      await open(page, suite.server().baseUrl, 'me');
      await page.locator(`#lang-${lang}`).click({ timeout: 20_000 });
      await page.locator('#large-text').click();
      await page.waitForFunction(() =>
        document.querySelector('#me-page')?.className.includes('tt-page--large'),
      );
      await open(page, suite.server().baseUrl, 'application');
      await page.locator('#return-reason').waitFor({ timeout: 20_000 });
      await shot(page, `application-returned-${lang}`);
      await open(page, suite.server().baseUrl, 'todo');
      await page.locator('#todo-list').waitFor({ timeout: 20_000 });
      await shot(page, `todo-returned-${lang}`);
      await page.goto(`${suite.server().baseUrl}${FACTS}`);
      await page.locator('#facts-save').waitFor({ timeout: 20_000 });
      await shot(page, `facts-${lang}`);
      await page.goto(`${suite.server().baseUrl}${ELIGIBILITY}`);
      await page.locator('#eligibility-check').click({ timeout: 20_000 });
      await page
        .locator('#eligibility-answers, #eligibility-problem')
        .first()
        .waitFor({ timeout: 20_000 });
      await shot(page, `eligibility-${lang}`);
      await open(page, suite.server().baseUrl, 'certificate');
      await page.waitForTimeout(1000);
      await shot(page, `certificate-${lang}`);
      const widths = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(widths).toBeLessThanOrEqual(360);
    }
  });
});
