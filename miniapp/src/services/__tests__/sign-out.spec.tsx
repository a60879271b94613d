import Taro from '@tarojs/taro';
import { act } from 'react';

import { API_ROUTES, DEMO_PERSONA, ERROR_CODE } from '@titletrack/shared/contract';

import { useCached } from '../../hooks/use-cached';
import { useHome } from '../../hooks/use-home';
import { useNoticeWatch } from '../../hooks/use-notice-watch';
import { useInbox, useUnreadCount } from '../../hooks/use-inbox';
import { useMyCertificates } from '../../hooks/use-my-certificates';
import { useMyProgress } from '../../hooks/use-my-progress';
import { useSubscriptions } from '../../hooks/use-subscriptions';
import { renderHook, settle } from '../../test/render-hook';
import type { RenderedHook } from '../../test/render-hook';
import { scriptServer } from '../../test/taro.mock';
import type { MockRequest, MockResponse } from '../../test/taro.mock';
import { setClockOverride } from '../../utils/clock';
import { signIn, signOut } from '../auth';
import { signInAsDemo } from '../demo';
import { getHealth } from '../health';
import { preferences } from '../preferences';
import { APPLICANT_SCREEN, applicantCacheKey } from '../screen-cache';

// Two people on one phone. Everything the server says about each carries their marks, so a scan
// of storage can tell whether anything of theirs is left.
interface Person {
  principalId: string;
  token: string;
  name: string;
  applicationId: string;
  applicationNo: string;
  idCardMasked: string;
  certificateNo: string;
  messageId: string;
}
const AYGUL: Person = {
  principalId: 'applicant-a1b2',
  token: 'token-of-aygul',
  name: '阿依古丽·艾买提',
  applicationId: 'application-a417',
  applicationNo: 'HT2023-000417',
  idCardMasked: '653201********0417',
  certificateNo: 'ZC-2023-06-0417',
  messageId: 'message-a-1',
};
const MEHMET: Person = {
  principalId: 'applicant-c3d4',
  token: 'token-of-mehmet',
  name: '买买提·吐尔逊',
  applicationId: 'application-m902',
  applicationNo: 'HT2023-000902',
  idCardMasked: '653222********0902',
  certificateNo: 'ZC-2023-06-0902',
  messageId: 'message-m-1',
};
const marksOf = (person: Person): string[] => Object.values(person);

// What may stay on the phone after sign-out: the device's own settings and public answers.
const DEVICE_KEYS = [
  'titletrack.cache.health',
  'titletrack.cache.home',
  'titletrack.deviceId',
  'titletrack.preferences',
];

function storedEntries(): Array<[string, string]> {
  return Taro.getStorageInfoSync().keys.map((key) => [key, String(Taro.getStorageSync(key))]);
}
function storedMarksOf(person: Person): string[] {
  return storedEntries().flatMap(([key, value]) =>
    marksOf(person)
      .filter((mark) => key.includes(mark) || value.includes(mark))
      .map((mark) => `${key} holds ${mark}`),
  );
}

// A scripted API: each person's answers follow the token a request carries. `hold` keeps an
// answer back until the test lets it go, as a slow network would.
function answer(person: Person | undefined, path: string): unknown {
  if (path === API_ROUTES.health) return { status: 'ok', isClockOverrideAllowed: false };
  if (path === API_ROUTES.calendars) return { items: [] };
  if (path === API_ROUTES.calendarRound)
    return {
      regionCode: '6532',
      regionName: '和田地区',
      year: 2026,
      route: 'prefecture_directed',
      isPublished: false,
      calendar: null,
      previous: null,
    };
  if (path === API_ROUTES.notices) return { items: [] };
  if (path === API_ROUTES.subscriptionTemplates)
    return { templates: [{ kind: 'fee_due', templateId: 'tmpl-fee' }], isLongTerm: false };
  if (!person) return undefined;
  const summary = {
    id: person.applicationId,
    applicationNo: person.applicationNo,
    applicantName: person.name,
    idCardNumberMasked: person.idCardMasked,
    status: 'returned',
  };
  switch (path) {
    case API_ROUTES.myApplications:
      return { items: [summary] };
    case API_ROUTES.myApplicationProgress(person.applicationId):
      return {
        application: { id: person.applicationId },
        applicationNo: person.applicationNo,
        applicantName: person.name,
        history: [],
        isDemo: false,
      };
    case API_ROUTES.myInbox:
      return {
        items: [
          {
            id: person.messageId,
            applicationId: person.applicationId,
            kind: 'fee_due',
            readAt: null,
          },
        ],
        page: 1,
        pageSize: 20,
        total: 1,
        unread: 1,
      };
    case API_ROUTES.myInboxUnreadCount:
      return { unread: 1 };
    case API_ROUTES.myCertificates:
      return {
        items: [
          {
            id: `certificate-of-${person.principalId}`,
            certificateNo: person.certificateNo,
            holderName: person.name,
          },
        ],
      };
    case API_ROUTES.myNoticeWatches:
      return {
        items: [{ regionCode: '6532', year: 2026, createdAt: person.name, notifiedAt: null }],
      };
    case API_ROUTES.mySubscriptions:
      return { credits: [], isMainSwitchOff: person === AYGUL };
    default:
      return undefined;
  }
}

let signingIn: Person = AYGUL;
let held: { path: string; release: Promise<void> } | null = null;
// Sessions the server has ended (expired, or signed out on another device).
const revoked = new Set<string>();

const json = (statusCode: number, body: unknown): MockResponse => ({
  statusCode,
  data: body === undefined ? '' : JSON.stringify(body),
  header: {},
});

async function serve(request: MockRequest): Promise<MockResponse> {
  const path = request.url.replace(/^\/api/, '').split('?')[0] ?? '';
  const token = request.header.Authorization?.replace('Bearer ', '');
  const person =
    token && revoked.has(token)
      ? undefined
      : [AYGUL, MEHMET].find((candidate) => candidate.token === token);
  if (held && path === held.path) await held.release;
  const session = (who: Person) => ({
    token: who.token,
    expiresAt: '2099-01-01T00:00:00.000Z',
    principal: { kind: 'applicant', id: who.principalId },
  });
  if (path === API_ROUTES.authDev) return json(200, session(signingIn));
  if (path === API_ROUTES.authDemo)
    return json(200, {
      ...session(signingIn),
      applicationId: signingIn.applicationId,
      demoNow: '2023-08-20T04:00:00.000Z',
    });
  if (path === API_ROUTES.authLogout) return json(204, undefined);
  const body = answer(person, path);
  if (body !== undefined) return json(200, body);
  return person
    ? json(404, { code: ERROR_CODE.NOT_FOUND })
    : json(401, { code: ERROR_CODE.UNAUTHENTICATED });
}

// Holds back the answer to `path` until the returned function is called.
function holdAnswer(path: string): () => void {
  let release: () => void = () => undefined;
  held = { path, release: new Promise<void>((resolve) => (release = resolve)) };
  return release;
}

// Every screen that caches something, through the hooks the pages use.
function useEveryScreen() {
  return {
    home: useHome(undefined),
    health: useCached('health', getHealth, []),
    progress: useMyProgress(),
    inbox: useInbox(),
    unread: useUnreadCount(),
    certificates: useMyCertificates(),
    subscriptions: useSubscriptions(),
    noticeWatch: useNoticeWatch('6532', 2026),
  };
}
type Screens = ReturnType<typeof useEveryScreen>;

const isSettled = (screens: Screens): boolean =>
  [screens.home, screens.health, screens.progress, screens.inbox, screens.certificates].every(
    (state) => !state.isLoading,
  );

function shownMarksOf(screens: Screens, person: Person): string[] {
  const shown = JSON.stringify({
    progress: screens.progress.data,
    inbox: screens.inbox.items,
    certificates: screens.certificates.data,
    unread: screens.unread,
    note: screens.subscriptions.note,
  });
  return marksOf(person).filter((mark) => shown.includes(mark));
}

describe('signing out on a shared phone', () => {
  let screens: RenderedHook<Screens> | null = null;

  beforeEach(() => {
    Taro.getStorageInfoSync().keys.forEach((key) => Taro.removeStorageSync(key));
    scriptServer(serve);
    signingIn = AYGUL;
    held = null;
    revoked.clear();
    setClockOverride(null);
    preferences.update({ isLargeText: true });
  });

  afterEach(async () => {
    await screens?.unmount();
    screens = null;
  });

  async function signInAndFillEveryCache(person: Person): Promise<RenderedHook<Screens>> {
    signingIn = person;
    await act(async () => {
      await signIn();
    });
    const rendered = await renderHook(useEveryScreen);
    await settle();
    expect(isSettled(rendered.current)).toBe(true);
    return rendered;
  }

  it('should leave no key or value of the applicant in storage, and keep the device settings', async () => {
    screens = await signInAndFillEveryCache(AYGUL);
    // Every applicant screen was cached, and under her id only.
    for (const screen of Object.values(APPLICANT_SCREEN)) {
      expect(
        Taro.getStorageSync(`titletrack.cache.${applicantCacheKey(AYGUL.principalId, screen)}`),
      ).not.toBe('');
    }
    expect(storedMarksOf(AYGUL)).not.toEqual([]);
    expect(screens.current.subscriptions.note).not.toBeNull();

    await act(async () => {
      await signOut();
    });

    expect(storedMarksOf(AYGUL)).toEqual([]);
    expect(Taro.getStorageInfoSync().keys.sort()).toEqual(DEVICE_KEYS);
    expect(preferences.get().isLargeText).toBe(true);
    // Nor does any screen still show her answers from memory.
    expect(shownMarksOf(screens.current, AYGUL)).toEqual([]);
    expect(screens.current.progress.isSignedIn).toBe(false);
  });

  it("should not show the next applicant the previous one's cache when she never signed out", async () => {
    screens = await signInAndFillEveryCache(AYGUL);
    // Mehmet signs in on her phone (a demo sign-in here) while the network is slow.
    const releaseProgress = holdAnswer(API_ROUTES.myApplications);
    signingIn = MEHMET;
    await act(async () => {
      await signInAsDemo(DEMO_PERSONA.RETURNED);
    });
    await settle();

    expect(storedMarksOf(AYGUL)).toEqual([]);
    expect(shownMarksOf(screens.current, AYGUL)).toEqual([]);
    expect(screens.current.progress.data).toBeNull();
    expect(screens.current.subscriptions.note).toBeNull();

    releaseProgress();
    await settle();
    expect(screens.current.progress.data?.summaries[0]?.applicantName).toBe(MEHMET.name);
    expect(storedMarksOf(AYGUL)).toEqual([]);
    expect(storedMarksOf(MEHMET)).not.toEqual([]);

    // His sign-out takes his answers and the demo clock his sign-in set.
    await act(async () => {
      await signOut();
    });
    expect(storedMarksOf(MEHMET)).toEqual([]);
    expect(Taro.getStorageInfoSync().keys.sort()).toEqual(DEVICE_KEYS);
  });

  it('should not store an answer about the applicant that arrives after she signed out', async () => {
    signingIn = AYGUL;
    await act(async () => {
      await signIn();
    });
    const releaseCertificates = holdAnswer(API_ROUTES.myCertificates);
    screens = await renderHook(useEveryScreen);
    await settle();
    // The answer lands after sign-out but before the screens have re-rendered for it.
    await act(async () => {
      await signOut();
      releaseCertificates();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });

    await settle();
    expect(storedMarksOf(AYGUL)).toEqual([]);
    expect(screens.current.certificates.data).toBeNull();
  });

  it('should drop the applicant’s cache when the server no longer accepts her session', async () => {
    screens = await signInAndFillEveryCache(AYGUL);
    // The server has ended her session: the next request is refused.
    revoked.add(AYGUL.token);
    await act(async () => screens?.current.progress.reload());
    await settle();

    expect(storedMarksOf(AYGUL)).toEqual([]);
    expect(Taro.getStorageInfoSync().keys.sort()).toEqual(DEVICE_KEYS);
    expect(screens.current.progress.isSignedIn).toBe(false);
  });
});
