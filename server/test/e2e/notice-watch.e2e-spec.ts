import { NoticePublicationEvents } from '../../src/modules/calendar/notice-publication-events.service';
import type { NoticePublished } from '../../src/modules/calendar/notice-publication-events.service';
import { PushWorkerService } from '../../src/modules/reminders/push-worker.service';
import { createTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';
import {
  STAND_IN_APP_ID,
  STAND_IN_APP_SECRET,
  startWechatStandIn,
} from '../support/wechat-stand-in';
import type { RunningWechatStandIn } from '../support/wechat-stand-in';

const TEMPLATE = 'tmpl-notice-published-1';
const PUBLISHED_AT = new Date('2027-03-01T03:00:00Z'); // 11:00 in Beijing: no quiet hours

const hotan2027: NoticePublished = {
  calendarYearId: 1,
  regionCode: '6532',
  regionName: '和田地区',
  year: 2027,
  route: 'prefecture_directed',
  title: '关于开展2027年度职称评审工作的通知',
  documentNumber: '和人社发〔2027〕1号',
};

// "通知发布时提醒我": watches over HTTP, and the publication telling each watcher once, in the
// inbox and as a WeChat subscribe message (the WeChat stand-in).
describe('notice watches', () => {
  let wechat: RunningWechatStandIn;
  let t: TestApp;
  let run = 0;

  beforeAll(async () => {
    wechat = await startWechatStandIn();
    t = await createTestApp({
      WECHAT_API_BASE: wechat.baseUrl,
      WECHAT_APPID: STAND_IN_APP_ID,
      WECHAT_SECRET: STAND_IN_APP_SECRET,
      WECHAT_TEMPLATE_NOTICE_PUBLISHED: TEMPLATE,
    });
  });
  afterAll(async () => {
    await t.close();
    await wechat.close();
  });

  async function signIn(): Promise<{ token: string; openId: string }> {
    run += 1;
    const openId = `o-watch-${Date.now().toString(36)}-${run}`;
    const code = `code-watch-${Date.now().toString(36)}-${run}`;
    wechat.standIn.codes.set(code, { openid: openId, session_key: 'c2Vzc2lvbg==' });
    const login = await t.api.post('/api/auth/wechat').send({ code }).expect(200);
    return { token: login.body.token as string, openId };
  }
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const watch = (token: string, body: object) =>
    t.api.post('/api/me/notice-watches').set(as(token)).send(body);
  const inbox = async (token: string) =>
    (await t.api.get('/api/me/inbox').set(as(token)).expect(200)).body;
  const acceptNoticeTemplate = (token: string) =>
    t.api
      .post('/api/me/subscriptions')
      .set(as(token))
      .send({ results: { [TEMPLATE]: 'accept' } })
      .expect(200);
  const publish = (notice: NoticePublished) =>
    t.unitOfWork.write(() => t.app.get(NoticePublicationEvents).published(notice, PUBLISHED_AT));
  const alertCount = async (): Promise<number> => {
    const [row] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM reminder_alert WHERE kind = 'notice_published'",
    );
    return Number(row.n);
  };

  it('watching is idempotent, listed, and removable; unknown regions and bad years are refused', async () => {
    const { token } = await signIn();
    const first = await watch(token, { regionCode: '6532', year: 2031 }).expect(201);
    expect(first.body).toEqual({
      regionCode: '6532',
      year: 2031,
      createdAt: expect.any(String),
      notifiedAt: null,
    });
    await watch(token, { regionCode: '6532', year: 2031 }).expect(201);
    await watch(token, { regionCode: '6501', year: 2031 }).expect(201);
    const list = await t.api.get('/api/me/notice-watches').set(as(token)).expect(200);
    expect(list.body.items.map((w: { regionCode: string }) => w.regionCode).sort()).toEqual([
      '6501',
      '6532',
    ]);

    await expect(
      watch(token, { regionCode: '9999', year: 2031 })
        .expect(400)
        .then((r) => r.body),
    ).resolves.toMatchObject({ code: 'REGION_UNKNOWN' });
    await expect(
      watch(token, { regionCode: '6532', year: 1999 })
        .expect(400)
        .then((r) => r.body),
    ).resolves.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      watch(token, { regionCode: '6532', year: 'next' })
        .expect(400)
        .then((r) => r.body),
    ).resolves.toMatchObject({ code: 'VALIDATION_FAILED' });

    await t.api.delete('/api/me/notice-watches/6532/2031').set(as(token)).expect(204);
    const after = await t.api.get('/api/me/notice-watches').set(as(token)).expect(200);
    expect(after.body.items).toEqual([
      { regionCode: '6501', year: 2031, createdAt: expect.any(String), notifiedAt: null },
    ]);
    await t.api.get('/api/me/notice-watches').expect(401);
  });

  it('a publication tells its region-and-year watchers once, in the inbox and by WeChat', async () => {
    const watcher = await signIn();
    const otherRegion = await signIn();
    const otherYear = await signIn();
    await watch(watcher.token, { regionCode: '6532', year: 2027 }).expect(201);
    await watch(otherRegion.token, { regionCode: '6501', year: 2027 }).expect(201);
    await watch(otherYear.token, { regionCode: '6532', year: 2028 }).expect(201);
    await acceptNoticeTemplate(watcher.token);
    const alertsBefore = await alertCount();

    await expect(publish(hotan2027)).resolves.toBe(1);

    const box = await inbox(watcher.token);
    expect(box).toMatchObject({ total: 1, unread: 1 });
    expect(box.items[0]).toEqual({
      id: expect.any(String),
      applicationId: null,
      kind: 'notice_published',
      ruleId: 'R3',
      section: '',
      deadline: null,
      data: {
        regionCode: '6532',
        regionName: '和田地区',
        year: 2027,
        title: hotan2027.title,
        documentNumber: hotan2027.documentNumber,
      },
      createdAt: expect.any(String),
      readAt: null,
      pushState: 'pending',
    });
    expect((await inbox(otherRegion.token)).total).toBe(0);
    expect((await inbox(otherYear.token)).total).toBe(0);
    const watches = await t.api.get('/api/me/notice-watches').set(as(watcher.token)).expect(200);
    expect(watches.body.items[0].notifiedAt).toBe(PUBLISHED_AT.toISOString());

    await t.app.get(PushWorkerService).drain(() => new Date(PUBLISHED_AT.getTime() + 5_000));
    expect(wechat.standIn.delivered.get(`${watcher.openId}|${TEMPLATE}`)).toBe(1);
    const messageId = box.items[0].id as string;
    expect(
      wechat.standIn.deliveredPages.get(
        `${watcher.openId}|pages/inbox/index?messageId=${messageId}`,
      ),
    ).toBe(1);
    expect((await inbox(watcher.token)).items[0].pushState).toBe('sent');
    await t.api.post(`/api/me/inbox/${messageId}/read`).set(as(watcher.token)).expect(200);

    // Published again (a corrected version): nobody is told twice.
    await expect(publish(hotan2027)).resolves.toBe(0);
    expect((await inbox(watcher.token)).total).toBe(1);
    expect(await alertCount()).toBe(alertsBefore + 1);
  });

  it('a watch made after the publication waits for the next one, and a rolled-back publication tells nobody', async () => {
    const late = await signIn();
    await watch(late.token, { regionCode: '6530', year: 2027 }).expect(201);
    await expect(
      t.unitOfWork.write(async () => {
        await t.app
          .get(NoticePublicationEvents)
          .published(
            { ...hotan2027, regionCode: '6530', regionName: '克孜勒苏柯尔克孜自治州' },
            PUBLISHED_AT,
          );
        throw new Error('publisher failed after telling');
      }),
    ).rejects.toThrow('publisher failed after telling');
    expect((await inbox(late.token)).total).toBe(0);
    const watches = await t.api.get('/api/me/notice-watches').set(as(late.token)).expect(200);
    expect(watches.body.items[0].notifiedAt).toBeNull();
  });

  it('tells thousands of watchers in bounded chunks, each once', async () => {
    const watchers = 2_500;
    const [{ maxId }] = await t.dataSource.query('SELECT MAX(id) AS maxId FROM applicant');
    const firstApplicant = Number(maxId ?? 0) + 100_000;
    await t.unitOfWork.write(async (manager) => {
      for (let i = 0; i < watchers; i += 500) {
        const chunk = Array.from(
          { length: Math.min(500, watchers - i) },
          (_, j) => firstApplicant + i + j,
        );
        await manager.query(
          `INSERT INTO notice_watch (applicantId, regionCode, year) VALUES ${chunk.map(() => "(?, '6529', 2029)").join(', ')}`,
          chunk,
        );
      }
    });
    const aksu2029 = { ...hotan2027, regionCode: '6529', regionName: '阿克苏地区', year: 2029 };

    await expect(publish(aksu2029)).resolves.toBe(watchers);
    const [alerts] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM reminder_alert WHERE dedupeKey LIKE 'notice:6529:2029:%'",
    );
    const [messages] = await t.dataSource.query(
      "SELECT COUNT(*) AS n, COUNT(DISTINCT applicantId) AS people FROM inbox_message WHERE kind = 'notice_published' AND applicantId >= ?",
      [firstApplicant],
    );
    expect(Number(alerts.n)).toBe(watchers);
    expect({ n: Number(messages.n), people: Number(messages.people) }).toEqual({
      n: watchers,
      people: watchers,
    });
    await expect(publish(aksu2029)).resolves.toBe(0);
  });
});
