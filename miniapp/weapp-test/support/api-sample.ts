import type {
  CalendarRoundResponse,
  HealthResponse,
  NoticeDetail,
  NoticeListResponse,
} from '@titletrack/shared/contract';

import type { MockRequest, MockResponse } from './wx-mock';

const NOTICE: NoticeDetail = {
  id: '1',
  documentNumber: '和地职称办〔2026〕1号',
  title: '关于做好2026年度和田地区职称评审工作的通知',
  issuer: '和田地区职称工作领导小组办公室',
  publishedOn: '2026-03-02',
  year: 2026,
  body: '# 一、申报范围\n\n在我地区专业技术岗位上工作的人员。',
};

const HEALTH: HealthResponse = {
  status: 'ok',
  version: '0.1.0',
  environment: 'production',
  database: { type: 'mysql', isReachable: true },
  isClockOverrideAllowed: false,
};

const NOTICES: NoticeListResponse = {
  items: [
    {
      id: NOTICE.id,
      documentNumber: NOTICE.documentNumber,
      title: NOTICE.title,
      issuer: NOTICE.issuer,
      publishedOn: NOTICE.publishedOn,
      year: NOTICE.year,
    },
  ],
};

// This year's notice is not out and no earlier one is on file: the home screen still has a
// round to describe.
const ROUND: CalendarRoundResponse = {
  regionCode: '6532',
  regionName: '和田地区',
  year: 2026,
  route: 'prefecture_directed',
  isPublished: false,
  calendar: null,
  previous: null,
};

const ok = (body: unknown): MockResponse => ({ statusCode: 200, body });

// The public API as a signed-out visitor sees it: what the main package's pages read is
// answered, everything behind sign-in is refused the way the server refuses it.
export function publicApi(request: MockRequest): MockResponse {
  const path = new URL(request.url, 'https://api.invalid').pathname.replace(/^\/api/, '');
  if (path === '/health') return ok(HEALTH);
  if (path === '/notices') return ok(NOTICES);
  if (path === `/notices/${NOTICE.id}`) return ok(NOTICE);
  if (path === '/calendars/round') return ok(ROUND);
  return {
    statusCode: 401,
    body: { code: 'UNAUTHENTICATED', message: 'Sign in first' },
  };
}
