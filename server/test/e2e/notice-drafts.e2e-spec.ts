import { readFileSync } from 'fs';
import { join } from 'path';

import * as iconv from 'iconv-lite';

import { draftNoticeCalendar } from '@titletrack/shared/notice-draft';

import { createTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

const ADMIN = { username: 'admin', password: 'correct horse battery staple' };
const PASSWORD = 'a long enough password';
const noticeText = readFileSync(
  join(__dirname, '../../src/database/seed/hotan-2023-notice.md'),
  'utf8',
);
const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const noticeHtml =
  '<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知</title>' +
  '<style>p { margin: 0 }</style><script>var x = "7月1日至7月2日";</script></head><body>\n' +
  noticeText
    .split('\n')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n') +
  '\n</body></html>';
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('notice → calendar draft (office)', () => {
  let t: TestApp;
  let office: string;
  const expected = draftNoticeCalendar(noticeText, { year: 2023 });
  const postText = (body: object, token = office) =>
    t.api.post('/api/office/notice-drafts').set(bearer(token)).send(body);
  const upload = (
    bytes: Buffer | string,
    fileName: string,
    fields = { regionCode: '6532', year: '2023' },
  ) =>
    t.api
      .post('/api/office/notice-drafts/file')
      .set(bearer(office))
      .field('regionCode', fields.regionCode)
      .field('year', fields.year)
      .attach('file', Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes), fileName);
  const rowCounts = async (): Promise<number[]> =>
    Promise.all(
      ['notice', 'calendar_year', 'calendar_event', 'domain_event', 'audit_log'].map(
        async (table) =>
          Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n),
      ),
    );
  const signInAs = async (
    username: string,
    role: string,
    scope: Record<string, string> = {},
  ): Promise<string> => {
    await t.api
      .post('/api/staff/users')
      .set(bearer(office))
      .send({ username, displayName: username, role, password: PASSWORD, ...scope })
      .expect(201);
    return (await t.api.post('/api/auth/staff').send({ username, password: PASSWORD }).expect(200))
      .body.token;
  };

  beforeAll(async () => {
    t = await createTestApp({
      BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    });
    office = (await t.api.post('/api/auth/staff').send(ADMIN).expect(200)).body.token;
  });
  afterAll(() => t.close());

  it('drafts the seed notice pasted as JSON: 8 events from the online application, fees as parameters', async () => {
    const before = await rowCounts();
    const res = await postText({ regionCode: '6532', year: 2023, text: noticeText }).expect(200);
    expect(res.body.regionCode).toBe('6532');
    expect(res.body.year).toBe(2023);
    expect(res.body.events).toHaveLength(8);
    expect(res.body.events[0]).toMatchObject({
      kind: 'application',
      startsAt: expect.stringMatching(/^2023-07-\d\dT\d\d:\d\d:\d\d\+08:00$/),
      endsAt: expect.stringMatching(/\+08:00$/),
      quote: expect.stringContaining('申报截止时间为2023年8月30日'),
    });
    expect(res.body).toEqual({ regionCode: '6532', year: 2023, text: noticeText, ...expected });
    const fees = res.body.parameters.filter((p: { name: string }) => p.name.startsWith('fee_'));
    expect(fees.length).toBeGreaterThan(0);
    expect(fees[0]).toMatchObject({ value: expect.any(Number), unit: 'yuan' });
    expect(await rowCounts()).toEqual(before);
  });

  it("drafts only for the office's own region: another prefecture's or the autonomous region's notice is out of scope", async () => {
    for (const regionCode of ['65', '6530']) {
      const res = await postText({ regionCode, year: 2023, text: noticeText }).expect(403);
      expect(res.body.code).toBe('OUT_OF_SCOPE');
    }
  });

  it('drafts the same events from an uploaded .md, .html and GB18030 .txt', async () => {
    const before = await rowCounts();
    const md = await upload(noticeText, '和地职称办〔2023〕1号.md').expect(200);
    expect(md.body).toEqual({ regionCode: '6532', year: 2023, text: noticeText, ...expected });
    const gb = await upload(iconv.encode(noticeText, 'gb18030'), 'notice.txt').expect(200);
    expect(gb.body.events).toEqual(expected.events);
    expect(gb.body.parameters).toEqual(expected.parameters);
    const html = await upload(noticeHtml, 'notice.html').expect(200);
    const dates = (
      events: Array<{ kind: string; startsAt: string | null; endsAt: string | null }>,
    ) => events.map(({ kind, startsAt, endsAt }) => ({ kind, startsAt, endsAt }));
    expect(dates(html.body.events)).toEqual(dates(expected.events));
    expect(html.body.parameters.map((p: { name: string }) => p.name)).toEqual(
      expected.parameters.map((p) => p.name),
    );
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses bad input with its own code and writes nothing', async () => {
    const before = await rowCounts();
    const refusals: Array<[Promise<{ status: number; body: { code: string } }>, number, string]> = [
      [postText({ regionCode: '9999', year: 2023, text: noticeText }), 400, 'REGION_UNKNOWN'],
      [postText({ regionCode: '6532', year: 2023, text: ' \n\t ' }), 400, 'NOTICE_TEXT_EMPTY'],
      [postText({ regionCode: '6532', year: 1999, text: noticeText }), 400, 'VALIDATION_FAILED'],
      [postText({ regionCode: '6532', year: 2023 }), 400, 'VALIDATION_FAILED'],
      [postText({ regionCode: '6532', year: 2023, text: 'x', extra: 1 }), 400, 'VALIDATION_FAILED'],
      [upload(noticeText, 'notice.pdf'), 415, 'NOTICE_FILE_UNSUPPORTED'],
      [upload(noticeText, 'notice'), 415, 'NOTICE_FILE_UNSUPPORTED'],
      [
        upload(noticeText, 'notice.md', { regionCode: '9999', year: '2023' }),
        400,
        'REGION_UNKNOWN',
      ],
      [
        upload(noticeText, 'notice.md', { regionCode: '6532', year: '20x3' }),
        400,
        'VALIDATION_FAILED',
      ],
      [upload('', 'empty.txt'), 400, 'NOTICE_TEXT_EMPTY'],
      [upload('<html><body><p> </p></body></html>', 'empty.html'), 400, 'NOTICE_TEXT_EMPTY'],
      [upload(Buffer.alloc(2 * 1024 * 1024 + 1, 0x61), 'big.txt'), 413, 'NOTICE_FILE_TOO_LARGE'],
      [upload(Buffer.alloc(300 * 1024, 0x61), 'long.txt'), 413, 'NOTICE_TEXT_TOO_LONG'],
      [
        upload(Buffer.from([0x50, 0x4b, 0x00, 0x01, 0xff]), 'binary.txt'),
        422,
        'NOTICE_FILE_UNREADABLE',
      ],
      [upload(Buffer.from('not a zip'), 'notice.docx'), 422, 'NOTICE_FILE_UNREADABLE'],
      [
        t.api
          .post('/api/office/notice-drafts/file')
          .set(bearer(office))
          .field('regionCode', '6532')
          .field('year', '2023'),
        400,
        'FILE_REQUIRED',
      ],
      [
        upload(noticeText, 'notice.md').attach('file', Buffer.from('x'), 'b.md'),
        413,
        'BODY_TOO_LARGE',
      ],
      [
        t.api
          .post('/api/office/notice-drafts/file')
          .set(bearer(office))
          .field('regionCode', '6532')
          .attach('document', Buffer.from(noticeText), 'notice.md'),
        400,
        'VALIDATION_FAILED',
      ],
      [
        t.api
          .post('/api/office/notice-drafts/file')
          .set(bearer(office))
          .set('Content-Type', 'multipart/form-data; boundary=----x')
          .send(
            '------x\r\nContent-Disposition: form-data; name="file"; filename="a.md"\r\n\r\nunterminated',
          ),
        400,
        'VALIDATION_FAILED',
      ],
      [
        t.api
          .post('/api/office/notice-drafts/file')
          .set(bearer(office))
          .set('Content-Type', 'multipart/form-data')
          .send('no boundary at all'),
        400,
        'VALIDATION_FAILED',
      ],
    ];
    for (const [request, status, code] of refusals) {
      const res = await request;
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('takes a file of exactly 2 MiB, then refuses its 2 MiB of text as too long', async () => {
    const res = await upload(Buffer.alloc(2 * 1024 * 1024, 0x61), 'exact.txt').expect(413);
    expect(res.body.code).toBe('NOTICE_TEXT_TOO_LONG');
  });

  it('takes a pasted notice over 100 KB as JSON, and answers a body over the limit or unreadable with a code', async () => {
    const long = `${noticeText}\n${'附件说明。'.repeat(12_000)}`;
    expect(Buffer.byteLength(long, 'utf8')).toBeGreaterThan(150_000);
    await postText({ regionCode: '6532', year: 2023, text: long }).expect(200);

    const tooLarge = await postText({ regionCode: '6532', year: 2023, text: 'x'.repeat(300_000) });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('BODY_TOO_LARGE');
    const unreadable = await t.api
      .post('/api/office/notice-drafts')
      .set(bearer(office))
      .set('Content-Type', 'application/json')
      .send('{"regionCode": ');
    expect(unreadable.status).toBe(400);
    expect(unreadable.body.code).toBe('VALIDATION_FAILED');
  });

  it('is for the prefecture office only: no token is 401, other roles and applicants 403', async () => {
    const before = await rowCounts();
    await t.api
      .post('/api/office/notice-drafts')
      .send({ regionCode: '6532', year: 2023, text: noticeText })
      .expect(401);
    const series = await signInAs('nd_series', 'series_authority', { series: 'education' });
    const county = await signInAs('nd_county', 'county_hr_bureau', { county: '于田县' });
    const applicant = (await t.api.post('/api/auth/dev').send({ devUserId: 'nd_nosy' }).expect(200))
      .body.token;
    const afterAccounts = await rowCounts();
    for (const token of [series, county, applicant]) {
      const json = await postText({ regionCode: '6532', year: 2023, text: noticeText }, token);
      expect({ status: json.status, code: json.body.code }).toEqual({
        status: 403,
        code: 'FORBIDDEN',
      });
      const file = await t.api
        .post('/api/office/notice-drafts/file')
        .set(bearer(token))
        .field('regionCode', '6532')
        .field('year', '2023')
        .attach('file', Buffer.from(noticeText), 'notice.md');
      expect({ status: file.status, code: file.body.code }).toEqual({
        status: 403,
        code: 'FORBIDDEN',
      });
    }
    expect(afterAccounts).toEqual(before);
    expect(await rowCounts()).toEqual(before);
  });
});
