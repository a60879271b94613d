import {
  SMALL_PHONE,
  open,
  screenshot,
  signInAsDemo,
  text,
  useApplicantSuite,
} from './support/applicant';
import { launchChromium } from './support/browser';
import { productionEnv } from './support/production-env';
import { startRealServer } from './support/real-server';

// The applicant's screens on the H5 build, against the real server seeded with one demo
// applicant per main state (development mode seeds them; see docs/miniapp.md).
describe('H5 applicant screens with the demo applicants', () => {
  const suite = useApplicantSuite();

  it('drafting: the application, its to-do with both clocks and the attachment checklist, and home', async () => {
    const page = suite.track(
      await signInAsDemo(suite.browser(), suite.server().baseUrl, 'drafting'),
    );
    expect(await text(page, '#current-status')).toBe('填报中');
    expect(await text(page, '#demo-badge')).toContain('演示');
    await screenshot(page, 'application-drafting');

    await open(page, suite.server().baseUrl, 'todo');
    const submit = await text(page, '#action-submit_application');
    expect(submit).toContain('在评审系统提交申报');
    expect(submit).toContain('截止：2023-08-30 24:00 北京时间（新疆时间 22:00）');
    expect(submit).toContain('和地职称办〔2023〕1号 第三(一)条（R3）');
    expect(await text(page, '#checklist')).toContain('学历学位证书');
    await screenshot(page, 'todo-drafting');

    await open(page, suite.server().baseUrl, 'home');
    expect(await text(page, '#home #action-submit_application')).toMatch(/还剩 10 天 \d+ 小时/);
    expect(await text(page, '#demo-clock')).toContain('2023-08-20');
    await screenshot(page, 'home-drafting');
  });

  it('returned: the revision deadline counts down and one submission of three is left', async () => {
    const page = suite.track(
      await signInAsDemo(suite.browser(), suite.server().baseUrl, 'returned'),
    );
    expect(await text(page, '#current-status')).toBe('已退回');
    expect(await text(page, '#submissions-left')).toBe('剩余提交次数：1 / 3');
    expect(await text(page, '#revision')).toContain('2023-08-22 10:00 北京时间（新疆时间 08:00）');
    const first = await text(page, '#revision-countdown');
    expect(first).toMatch(/^还剩 1 天 19 小时 5\d 分 \d+ 秒$/);
    await page.waitForTimeout(1500);
    expect(await text(page, '#revision-countdown')).not.toBe(first);
    expect(await text(page, '#defence')).toContain('中级需要参加专业水平答辩');
    const timeline = await page
      .locator('#status-timeline [data-status]')
      .evaluateAll((nodes) =>
        nodes.map(
          (node) =>
            `${node.className.includes('current') ? '*' : ''}${node.getAttribute('data-status')}`,
        ),
      );
    expect(timeline.slice(0, 9)).toEqual([
      'registered',
      'drafting',
      'submitted',
      'employer_review',
      'authority_review',
      'returned',
      'submitted',
      'authority_review',
      '*returned',
    ]);
    await screenshot(page, 'application-returned');
  });

  it('awaiting fee: the amount by level, its deadline, unpaid, and how to pay', async () => {
    const page = suite.track(
      await signInAsDemo(suite.browser(), suite.server().baseUrl, 'awaiting_fee'),
    );
    expect(await text(page, '#current-status')).toBe('已接收材料');
    await open(page, suite.server().baseUrl, 'fee');
    expect(await text(page, '#fee-amount')).toBe('450 元');
    expect(await text(page, '#fee-state')).toContain('未缴费');
    expect(await text(page, '#fee-deadline')).toBe(
      '缴费截止：2023-09-29 24:00 北京时间（新疆时间 22:00）',
    );
    expect(await text(page, '#fee-page')).toContain('不收取任何费用');
    await screenshot(page, 'fee-awaiting');
  });

  it('passed: the result, the whole history and what comes next', async () => {
    const page = suite.track(await signInAsDemo(suite.browser(), suite.server().baseUrl, 'passed'));
    expect(await text(page, '#current-status')).toBe('评审通过');
    expect(
      await page
        .locator('#status-timeline [data-status="passed"].tt-status__item--current')
        .count(),
    ).toBe(1);
    expect(await page.locator('#status-timeline .tt-status__item--done').count()).toBe(11);
    expect(await text(page, '#application-page')).toContain('等待印发任职资格文件');
    await screenshot(page, 'application-passed');
  });

  it('certificate issued: nothing ahead on the timeline; calendar offers both .ics files', async () => {
    const page = suite.track(
      await signInAsDemo(suite.browser(), suite.server().baseUrl, 'certificate_issued'),
    );
    expect(await text(page, '#current-status')).toBe('电子证书已签发');
    expect(await page.locator('#status-timeline .tt-status__item--ahead').count()).toBe(0);
    await screenshot(page, 'application-certificate');

    await open(page, suite.server().baseUrl, 'calendar');
    await page.locator('#add-mine').waitFor({ timeout: 20_000 });
    const download = page.waitForEvent('download');
    await page.locator('#add-year').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('titletrack-2023.ics');
    expect(await text(page, '#calendar-result')).toBe('已下载日历文件，请用手机日历打开');
    await screenshot(page, 'calendar');
  });

  it('inbox: renders its messages, or says it is unavailable while the API answers 404', async () => {
    const page = suite.track(
      await signInAsDemo(suite.browser(), suite.server().baseUrl, 'returned'),
    );
    await open(page, suite.server().baseUrl, 'inbox');
    await page
      .locator('#inbox-list, #inbox-unavailable, #inbox-empty')
      .first()
      .waitFor({ timeout: 20_000 });

    await page.route('**/api/me/inbox**', (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: '{"code":"NOT_FOUND","message":"Route not found"}',
      }),
    );
    await page.reload();
    expect(await text(page, '#inbox-unavailable')).toBe('消息服务暂未开通，请稍后再来');
  });

  it('inbox: words each message on the phone from kind and data, marks it read and opens its screen', async () => {
    const page = suite.track(
      await signInAsDemo(suite.browser(), suite.server().baseUrl, 'returned'),
    );
    const { applicationId, isTokenReachable } = await page.evaluate(async () => {
      // The session lives in an HttpOnly cookie: no script on the page can read it, and the
      // browser sends it with the page's own requests.
      const isTokenReachable =
        Object.values(localStorage).some((value) => value.includes('token')) ||
        document.cookie.includes('tt_session');
      const answer = await fetch('/api/me/applications', { credentials: 'same-origin' });
      const body = (await answer.json()) as { items: Array<{ id: string }> };
      return { applicationId: body.items[0]?.id ?? '', isTokenReachable };
    });
    expect(isTokenReachable).toBe(false);
    expect(applicationId).not.toBe('');
    const message = (id: string, kind: string, data: object, readAt: string | null) => ({
      id,
      applicationId,
      kind,
      ruleId: 'R4',
      section: '四(一)1',
      deadline: null,
      data,
      createdAt: '2023-08-20T02:00:05.000Z',
      readAt,
      pushState: 'not_applicable',
    });
    // Contract-shaped answers (shared/src/contract/inbox.ts), whatever the planner has produced.
    const items = [
      message(
        'm2',
        'application_returned',
        {
          returnedAt: '2023-08-20T02:00:00.000Z',
          revisionDeadline: '2023-08-22T02:00:00.000Z',
          submissionsUsed: 2,
          submissionsLeft: 1,
        },
        null,
      ),
      message(
        'm1',
        'fee_due',
        { amountCny: 280, tier: 'intermediate', deadline: '2023-09-29T16:00:00.000Z' },
        '2023-08-19T00:00:00.000Z',
      ),
    ];
    const reads: string[] = [];
    await page.route(
      (url) => url.pathname === '/api/me/inbox',
      (route) => route.fulfill({ json: { items, page: 1, pageSize: 20, total: 2, unread: 1 } }),
    );
    await page.route(
      (url) => /^\/api\/me\/inbox\/[^/]+\/read$/.test(url.pathname),
      (route) => {
        reads.push(new URL(route.request().url()).pathname);
        return route.fulfill({ status: 204, body: '' });
      },
    );
    await open(page, suite.server().baseUrl, 'inbox');
    const first = await text(page, '#message-m2');
    expect(first).toContain('未读');
    expect(first).toContain('申报被退回');
    expect(first).toContain(
      '请在 2023-08-22 10:00 北京时间（新疆时间 08:00） 前修改并重新提交，还可提交 1 次。',
    );
    expect(await text(page, '#message-m1')).toContain(
      '评审费 280 元，请在 2023-09-29 24:00 北京时间（新疆时间 22:00） 前缴纳。',
    );
    expect(await text(page, '#message-m1')).not.toContain('未读');
    await screenshot(page, 'inbox');

    await page.locator('#message-m2').click();
    await page.waitForURL(new RegExp(`pages/application/index\\?id=${applicationId}$`), {
      timeout: 20_000,
    });
    expect(reads).toEqual(['/api/me/inbox/m2/read']);
    expect(await text(page, '#current-status')).toBe('已退回');
  });

  it('switches to Uyghur at run time: right to left, remembered after a reload', async () => {
    const page = suite.track(
      await signInAsDemo(suite.browser(), suite.server().baseUrl, 'returned'),
    );
    await open(page, suite.server().baseUrl, 'me');
    await page.locator('#lang-ug').click({ timeout: 20_000 });
    await page.waitForFunction(() => document.documentElement.getAttribute('dir') === 'rtl');
    expect(await page.locator('#me-page').getAttribute('dir')).toBe('rtl');
    expect(await text(page, '#me-page')).toContain('چوڭ خەت ھالىتى');
    await screenshot(page, 'me-ug');

    await open(page, suite.server().baseUrl, 'application');
    expect(await text(page, '#current-status')).toBe('قايتۇرۇلدى');
    expect(await text(page, '#submissions-left')).toBe(
      'قالغان تاپشۇرۇش قېتىمى: \u20661\u2069 / \u20663\u2069',
    );
    await page.reload();
    expect(await text(page, '#current-status')).toBe('قايتۇرۇلدى');
    expect(await page.evaluate(() => document.documentElement.getAttribute('dir'))).toBe('rtl');
    expect(await page.locator('#application-page').getAttribute('dir')).toBe('rtl');
    await screenshot(page, 'application-returned-ug');
  });

  it('offline: the last good answer is shown with its time and a banner', async () => {
    const page = suite.track(
      await signInAsDemo(suite.browser(), suite.server().baseUrl, 'returned'),
    );
    expect(await text(page, '#as-of')).toMatch(/^数据更新于 \d{2}:\d{2}$/);
    const savedAt = (await text(page, '#as-of')).slice(-5);
    await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await page.reload();
    expect(await text(page, '#offline-banner')).toBe(`网络不可用，显示的是 ${savedAt} 保存的内容`);
    expect(await text(page, '#current-status')).toBe('已退回');
    await screenshot(page, 'application-offline');
  });

  it('large text and tap targets: the mode scales the page, every control stays at least 44 px tall', async () => {
    const page = suite.track(
      await signInAsDemo(suite.browser(), suite.server().baseUrl, 'awaiting_fee'),
    );
    await open(page, suite.server().baseUrl, 'me');
    await page.locator('#large-text').waitFor({ timeout: 20_000 });
    const fontSize = (): Promise<number> =>
      page.locator('#me-page').evaluate((node) => parseFloat(getComputedStyle(node).fontSize));
    const normal = await fontSize();
    await page.locator('#large-text').click();
    await page.waitForFunction(() =>
      document.querySelector('#me-page')?.className.includes('tt-page--large'),
    );
    expect(await fontSize()).toBeGreaterThan(normal * 1.2);
    const heights = await page
      .locator('#me-page .nut-button, #me-page .tt-screen__tab, #me-page .nut-cell')
      .evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(5);
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
    await screenshot(page, 'me-large-text');

    await open(page, suite.server().baseUrl, 'home');
    await page.locator('#nav-grid').waitFor({ timeout: 20_000 });
    const tiles = await page
      .locator('#nav-grid [id^="nav-"]')
      .evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().height));
    expect(tiles.length).toBeGreaterThanOrEqual(6);
    expect(Math.min(...tiles)).toBeGreaterThanOrEqual(44);
    expect(await page.locator('#home').getAttribute('class')).toContain('tt-page--large');
  });

  it('binding form: checks before sending, echoes the ID masked, translates the server refusal, then binds', async () => {
    const page = suite.track(
      await signInAsDemo(suite.browser(), suite.server().baseUrl, 'drafting'),
    );
    await open(page, suite.server().baseUrl, 'me');
    // H5 renders Taro's Input as a plain <input> carrying the id (useHtmlComponents).
    const input = (name: string) => page.locator(`input#bind-${name}`);
    await page.locator('#bind-submit').click({ timeout: 20_000 });
    expect(await text(page, '#bind-name-error')).toBe('请填写姓名');
    expect(await text(page, '#bind-idCardNumber-error')).toBe('身份证号应为 18 位');
    expect(await text(page, '#bind-applicationNo-error')).toBe(
      '申报编号应为 4–64 位字母、数字或“-”',
    );

    // The drafting demo applicant's own application (its number carries a valid check digit):
    // an application is bound to one applicant only, so the test binds the one it already holds.
    await input('idCardNumber').fill('653201199005171224');
    expect(await text(page, '#bind-id-echo')).toBe('已输入：653201********1224');
    await input('name').fill('演示·阿依');
    await input('applicationNo').fill('DEMO-2023-0001');
    await page.locator('#bind-submit').click();
    expect(await text(page, '#bind-idCardNumber-error')).toBe('身份证号校验不通过，请核对');

    await input('idCardNumber').fill('653201199005171223');
    await page.locator('#bind-submit').click();
    expect(await text(page, '#bind-server-error')).toBe(
      '没有找到与所填信息一致的申报，请核对姓名、身份证号和申报编号',
    );

    await input('name').fill('演示·阿依古丽');
    await page.locator('#bind-submit').click();
    expect(await text(page, '#me-message')).toBe('绑定成功');
    expect(await page.locator('#bind-server-error').count()).toBe(0);
    expect(await text(page, '#me-page')).toContain('DEMO-2023-0001');
    expect(await text(page, '#me-page')).toContain('653201********1223');
    await screenshot(page, 'me-bound');
  });

  it('signed out: personal screens ask to sign in instead of going blank', async () => {
    const context = await suite.browser().newContext(SMALL_PHONE);
    const page = suite.track(await context.newPage());
    await open(page, suite.server().baseUrl, 'todo');
    expect(await text(page, '#gate-sign-in')).toContain('请先在“我的”页面登录');
    await open(page, suite.server().baseUrl, 'me');
    expect(await text(page, '#demo-sign-in')).toContain('以演示申报人身份体验');
    await screenshot(page, 'me-signed-out');
  });
});

describe('H5 demo sign-in against a production server', () => {
  it('is refused by the API and not offered by the app', async () => {
    const server = await startRealServer(productionEnv());
    const browser = await launchChromium();
    try {
      const response = await fetch(`${server.baseUrl}/api/auth/demo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ persona: 'returned' }),
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: 'DEV_LOGIN_DISABLED' });
      const page = await browser.newPage(SMALL_PHONE);
      const health = page.waitForResponse((answer) => answer.url().endsWith('/api/health'));
      await open(page, server.baseUrl, 'me');
      await health;
      await page.locator('#sign-in').waitFor({ timeout: 20_000 });
      await page.waitForTimeout(300);
      expect(await page.locator('#demo-sign-in').count()).toBe(0);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
