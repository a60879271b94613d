import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { launchChromium } from './support/browser';
import { startRealServer } from './support/real-server';
import type { RealServer } from './support/real-server';

const SECRET = 'v'.repeat(40);
const PHONE = { viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true };
const ARTIFACTS = join(__dirname, 'artifacts');
const ID_NUMBER = '65320119900517124X';

// What an employer's phone shows after scanning a certificate's QR: the server's verify page,
// read in a real browser against the real server (the QR itself is decoded in the server's e2e).
describe('certificate verify page in Chromium', () => {
  let server: RealServer;
  let browser: Browser;
  let page: Page;
  let verifyPath: string;

  const api = async (path: string, init: RequestInit = {}, token?: string): Promise<Response> =>
    fetch(`${server.baseUrl}${path}`, {
      ...init,
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(init.headers ?? {}),
      },
    });

  beforeAll(async () => {
    server = await startRealServer({ PLATFORM_WEBHOOK_SECRETS: SECRET });
    browser = await launchChromium();
    const event = JSON.stringify({
      id: 'evt-verify-page-1',
      type: 'application.status_changed',
      occurredAt: '2023-12-05T02:00:00Z',
      data: {
        applicationNo: 'HT2023-VERIFY1',
        applicantName: '王建国',
        idCardNumber: ID_NUMBER,
        series: 'health',
        specialty: '临床医学',
        level: 'intermediate',
        route: 'prefecture_directed',
        year: 2023,
        status: 'certificate_issued',
        statusChangedAt: '2023-12-05T02:00:00Z',
        certificate: {
          certificateNo: 'HTZC-2023-0001',
          issuedOn: '2023-12-05',
          issuingCommittee: '和田地区卫生系列中级评审委员会',
        },
      },
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.`).update(event).digest('hex')}`;
    const delivered = await api('/api/platform/events', {
      method: 'POST',
      body: event,
      headers: { 'X-Platform-Timestamp': timestamp, 'X-Platform-Signature': signature },
    });
    expect(delivered.status).toBe(200);
    const { token } = (await (
      await api('/api/auth/dev', {
        method: 'POST',
        body: JSON.stringify({ devUserId: 'verify-page-holder' }),
      })
    ).json()) as { token: string };
    const bound = await api(
      '/api/me/bindings',
      {
        method: 'POST',
        body: JSON.stringify({
          name: '王建国',
          idCardNumber: ID_NUMBER,
          applicationNo: 'HT2023-VERIFY1',
        }),
      },
      token,
    );
    expect(bound.status).toBe(200);
    const { items } = (await (await api('/api/me/certificates', {}, token)).json()) as {
      items: Array<{ verifyUrl: string }>;
    };
    verifyPath = new URL(items[0]?.verifyUrl ?? '').pathname;
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage(PHONE);
  });
  afterEach(async () => {
    await page?.close();
  });

  it('shows a genuine certificate as valid, with the holder masked', async () => {
    await page.goto(`${server.baseUrl}${verifyPath}`);

    expect(await page.locator('main').getAttribute('data-result')).toBe('valid');
    expect(await page.locator('h1').textContent()).toContain('证书有效');
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).toContain('王**');
    expect(body).toContain('临床医学');
    expect(body).not.toContain('王建国');
    await page.screenshot({ path: join(ARTIFACTS, 'verify-valid-375x667.png') });
  });

  it('shows a tampered code as not a valid certificate, without saying why', async () => {
    const tampered = verifyPath.replace(
      /\.(.)/,
      (_match, first: string) => `.${first === 'A' ? 'B' : 'A'}`,
    );

    await page.goto(`${server.baseUrl}${tampered}`);

    expect(await page.locator('main').getAttribute('data-result')).toBe('invalid');
    expect(await page.locator('h1').textContent()).toContain('不是有效的证书');
    expect(await page.locator('table').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'verify-invalid-375x667.png') });
  });
});
