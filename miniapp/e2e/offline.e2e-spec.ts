import type { Page } from 'playwright-core';

import { SCREENS, screenshot, signInAsDemo, text, useApplicantSuite } from './support/applicant';

// The copy is from today, so its time alone (an older one carries its date: stored-time.ts).
const STORED_AT = /(\d{4}-\d{2}-\d{2} )?\d{2}:\d{2}/;

// The service worker has installed (every file of the build is in its cache) and controls the
// page, as it does from the first visit on.
async function waitForOfflineCopy(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
  });
}

describe('H5 offline: the app from its service worker, the data from the last good answer', () => {
  const suite = useApplicantSuite();

  it('reloads offline with the shell and the last data with its date and time', async () => {
    const { baseUrl } = suite.server();
    const page = suite.track(await signInAsDemo(suite.browser(), baseUrl, 'drafting'));
    await waitForOfflineCopy(page);
    const status = await text(page, '#current-status');
    await page.goto(`${baseUrl}${SCREENS.home}`);
    await page.locator('#notice-list [id^="notice-"]').first().waitFor({ timeout: 20_000 });
    const firstNotice = await text(page, '#notice-list [id^="notice-"]');

    // Nothing still on its way: an answer landing after the edit below would store itself anew.
    await page.waitForLoadState('networkidle');
    await page.context().setOffline(true);
    // As if the home screen had last been seen on another day: the banner then gives the date.
    await page.evaluate(() => {
      const key = 'titletrack.cache.home';
      const stored = JSON.parse(localStorage.getItem(key) ?? '{}') as { data?: string };
      const answer = JSON.parse(stored.data ?? '{}') as { savedAt?: number };
      answer.savedAt = new Date(2020, 0, 2, 3, 4).getTime();
      localStorage.setItem(key, JSON.stringify({ data: JSON.stringify(answer) }));
    });
    await page.reload();
    expect(await text(page, '#offline-banner')).toBe(
      '网络不可用，显示的是 2020-01-02 03:04 保存的内容',
    );
    expect(await text(page, '#notice-list [id^="notice-"]')).toBe(firstNotice);
    await screenshot(page, 'offline-home');

    await page.goto(`${baseUrl}${SCREENS.application}`);
    expect(await text(page, '#current-status')).toBe(status);
    expect(await text(page, '#offline-banner')).toMatch(STORED_AT);
  });

  it('opens a screen never opened before and says it needs the network', async () => {
    const { baseUrl } = suite.server();
    const page = suite.track(await signInAsDemo(suite.browser(), baseUrl, 'drafting'));
    await waitForOfflineCopy(page);

    await page.context().setOffline(true);
    await page.goto(`${baseUrl}${SCREENS.inbox}`);
    await page.reload();
    expect(await text(page, '#state-error')).toContain('网络');
    expect(await page.locator('#retry').count()).toBe(1);
    await screenshot(page, 'offline-never-opened');

    await page.context().setOffline(false);
    await page.locator('#retry').click();
    await page.locator('#state-error').waitFor({ state: 'detached', timeout: 20_000 });
  });
});
