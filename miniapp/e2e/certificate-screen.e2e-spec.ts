import type { Browser, Page } from 'playwright-core';

import { launchChromium } from './support/browser';
import { open, screenshot, signInAsDemo, text } from './support/applicant';
import { startRealServer } from './support/real-server';
import type { RealServer } from './support/real-server';

// The holder's e-certificate screen in the H5 build, signed in as the demo applicant whose
// certificate was issued, against the real server.
describe('my e-certificate screen (H5)', () => {
  let server: RealServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startRealServer();
    browser = await launchChromium();
    page = await signInAsDemo(browser, server.baseUrl, 'certificate_issued');
  });
  afterAll(async () => {
    await page?.context().close();
    await browser?.close();
    await server?.close();
  });

  it('shows the certificate in full to its holder, with its state and its QR', async () => {
    await open(page, server.baseUrl, 'certificate');

    expect(await text(page, '#certificate-holder')).toBe('演示·李强');
    const card = await text(page, '.tt-certificate');
    expect(card).toContain('DEMO-ZC-2023-0001');
    expect(card).toContain('工程技术');
    expect(card).toContain('有效');
    const qr = await page
      .locator('#certificate-qr img, img#certificate-qr')
      .first()
      .getAttribute('src');
    expect(qr).toMatch(/^data:image\/png;base64,/);
    await screenshot(page, 'certificate-375x667');
  });

  it('makes a share link for a purpose and lists it, with the verification log', async () => {
    await open(page, server.baseUrl, 'certificate');
    await page.locator('#certificate-open-sharing').click({ timeout: 20_000 });
    await page.locator('#certificate-share-form input').fill('入职审核');
    await page.locator('#certificate-create-share').click();

    await page.locator('#certificate-share-created').waitFor({ timeout: 20_000 });
    await page
      .locator('[id^="share-"]', { hasText: '入职审核' })
      .first()
      .waitFor({ timeout: 20_000 });
    expect(await text(page, '#certificate-sharing')).toContain('入职审核');
    await screenshot(page, 'certificate-sharing-375x667');
  });
});
