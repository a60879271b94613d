import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { API_ROUTES, FIRST_SCREEN } from '@titletrack/shared/contract';
import type { FirstScreenData } from '@titletrack/shared/contract';
import { beijingDateOf } from '@titletrack/shared/domain';

import { createTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

// Shaped like the Taro H5 build's page: the app root is where the first screen goes.
const BUILT_INDEX =
  '<!doctype html><html lang="zh-CN"><head><title>职称通</title><script defer="defer" src="/js/app.js"></script></head><body><div id="app"></div></body></html>';

function embeddedData(html: string): FirstScreenData {
  const match = new RegExp(
    `<script type="application/json" id="${FIRST_SCREEN.dataElementId}">(.*?)</script>`,
  ).exec(html);
  if (!match?.[1]) throw new Error('no first-screen data in the page');
  return JSON.parse(match[1]) as FirstScreenData;
}

// The seed has only the 2023 notice of Hotan: on today's date this year's is not out yet.
const THIS_YEAR = Number(beijingDateOf(new Date()).slice(0, 4));

describe('the H5 page with its first screen drawn in (GET /)', () => {
  const h5Dir = mkdtempSync(join(tmpdir(), 'titletrack-first-screen-'));
  let t: TestApp;
  beforeAll(async () => {
    writeFileSync(join(h5Dir, 'index.html'), BUILT_INDEX);
    t = await createTestApp({ H5_DIR: h5Dir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(h5Dir, { recursive: true, force: true });
  });

  it("draws the current round (this year's not out yet, last year's labelled) and the notices into the page, before the app root, never cached stale", async () => {
    const res = await t.api.get('/').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    const html = res.text;
    expect(html.indexOf(`id="${FIRST_SCREEN.elementId}"`)).toBeGreaterThan(-1);
    expect(html.indexOf(`id="${FIRST_SCREEN.elementId}"`)).toBeLessThan(
      html.indexOf('<div id="app"></div>'),
    );
    expect(html).toContain('<html lang="zh-CN" dir="ltr">');
    expect(html).toContain(`${THIS_YEAR} 年度通知尚未发布`);
    expect(html).toContain('通知发布时提醒我');
    expect(html).toContain('2023 年度（往年）日程，仅供参考');
    expect(html).not.toContain('2023 年度日程');
    expect(html).not.toContain('tt-countdown');
    expect(html).toContain('网上申报');
    expect(html).toContain('截止：2023-08-30 24:00 北京时间（新疆时间 22:00）');
    expect(html).toContain('关于开展和田地区各系列（专业）2023年度职称评审工作的通知');
    expect(html).toContain('<script defer="defer" src="/js/app.js"></script>');
  });

  it('answers a browser revalidating with its ETag 304, per language', async () => {
    const page = await t.api.get('/').expect(200);
    const etag = String(page.headers.etag);
    expect(page.headers.vary).toBe('Accept-Encoding, Cookie');
    await t.api.get('/').set('If-None-Match', etag).expect(304);
    const uyghur = await t.api
      .get('/')
      .set('Cookie', `${FIRST_SCREEN.localeCookie}=ug`)
      .set('If-None-Match', etag);
    expect(uyghur.status).toBe(200);
    expect(uyghur.headers.etag).not.toBe(etag);
  });

  it('embeds exactly what the round and notice APIs answer, for the app to start from', async () => {
    const data = embeddedData((await t.api.get('/').expect(200)).text);
    const round = await t.api
      .get(`/api${API_ROUTES.calendarRound}`)
      .query({ regionCode: '6532', year: THIS_YEAR, route: 'prefecture_directed' })
      .expect(200);
    const calendar = await t.api.get('/api/calendars/2023').expect(200);
    const notices = await t.api.get('/api/notices').expect(200);
    expect(round.body).toMatchObject({ isPublished: false, calendar: null });
    expect(data.calendar).toEqual(round.body.previous);
    expect(data.calendar).toEqual(calendar.body);
    expect(data.notices).toEqual(notices.body.items);
    expect(data.isClockOverrideAllowed).toBe(true);
    expect(Number.isNaN(Date.parse(data.renderedAt))).toBe(false);
  });

  it('serves the same page as /index.html', async () => {
    const res = await t.api.get('/index.html').expect(200);
    expect(res.text).toContain(`id="${FIRST_SCREEN.elementId}"`);
  });

  it('draws in Uyghur, right to left, for a phone whose app chose Uyghur', async () => {
    const res = await t.api
      .get('/')
      .set('Cookie', `other=1; ${FIRST_SCREEN.localeCookie}=ug`)
      .expect(200);
    expect(res.headers.vary).toMatch(/Cookie/);
    expect(res.text).toContain('<html lang="ug" dir="rtl">');
    expect(res.text).toContain('class="tt-page tt-page--rtl" data-dir="rtl" dir="rtl" lang="ug"');
    expect(res.text).not.toContain('年度通知尚未发布');
    expect(res.text).toContain(`\u2066${THIS_YEAR}\u2069-يىللىق ئۇقتۇرۇش تېخى ئېلان قىلىنمىدى`);
  });

  it('ignores a language it does not have', async () => {
    const res = await t.api
      .get('/')
      .set('Cookie', `${FIRST_SCREEN.localeCookie}=%3Cscript%3E`)
      .expect(200);
    expect(res.text).toContain('<html lang="zh-CN" dir="ltr">');
    expect(res.text).not.toContain('<script>');
  });

  it('leaves the API and the static fallback as they were', async () => {
    await t.api.get('/api/health').expect(200);
    const fallback = await t.api.get('/pages/notice/index').expect(200);
    expect(fallback.text).toContain('<div id="app"></div>');
  });
});
