import { FIRST_SCREEN } from '@titletrack/shared/contract';
import type {
  CalendarEventResponse,
  CalendarRoundResponse,
  FirstScreenData,
} from '@titletrack/shared/contract';
import { countdown, nextDeadline, stepPhase, yearProgress } from '@titletrack/shared/domain';
import {
  LOCALE,
  directionOf,
  formatDual,
  isolate,
  sectionNumber,
} from '@titletrack/shared/locales';
import type { Locale, MessageKey, Translate } from '@titletrack/shared/locales';
import { findRegion } from '@titletrack/shared/region';

import { escapeHtml } from '../../common/html';

// The home screen's public part, drawn by the server into the H5 page so that a phone on a
// 400 kbps link sees the year's deadlines and the notices before the app's JavaScript arrives.
// It mirrors the mini-app's home screen (pages/index) element for element and class for class,
// so the app's stylesheet lays both out alike and the swap, when the app has drawn its own, does
// not move anything. The browser test "first screen" holds the two to the same text.

const div = (className: string, content: string, attributes = ''): string =>
  `<div class="${className}"${attributes}>${content}</div>`;

const text = (className: string, value: string): string => div(className, escapeHtml(value));

// The tiles of the home screen's NavGrid, in its order.
const NAV_KEYS = ['application', 'todo', 'fee', 'inbox', 'calendar', 'certificate', 'me'] as const;

export interface FirstScreenView {
  data: FirstScreenData;
  // The default region's current round that `data.calendar` comes from; null: no round at all.
  round: CalendarRoundResponse | null;
  now: Date;
  locale: Locale;
  t: Translate;
}

function eventTitle(event: CalendarEventResponse, { locale, t }: FirstScreenView): string {
  return locale === LOCALE.ZH_CN ? event.title : t(`calendar.kind.${event.kind}`);
}

function renderCountdown(
  events: CalendarEventResponse[],
  year: number,
  view: FirstScreenView,
): string {
  const { t, now, locale } = view;
  const event = nextDeadline(events, now);
  if (event === null)
    return div('tt-countdown', text('tt-countdown__label', t('home.allDeadlinesPassed', { year })));
  const left = countdown(event.endsAt, now);
  return div(
    'tt-countdown',
    text('tt-countdown__label', t('home.nextDeadline')) +
      text('tt-countdown__title', eventTitle(event, view)) +
      text('tt-countdown__time', formatDual(t, event.endsAt, true, directionOf(locale) === 'rtl')) +
      text(
        'tt-countdown__left',
        t('home.countdown', {
          days: left.days,
          hours: left.hours,
          minutes: left.minutes,
          seconds: left.seconds,
        }),
      ),
  );
}

function renderTimeline(events: CalendarEventResponse[], view: FirstScreenView): string {
  const { t, now, locale } = view;
  const isRtl = directionOf(locale) === 'rtl';
  const progress = Math.round(yearProgress(events, now) * 100);
  const firstOpen = events.findIndex((event) => stepPhase(event, now) !== 'past');
  const todayIndex = firstOpen === -1 ? events.length : firstOpen;
  const today = text('tt-timeline__today', t('home.today'));
  const items = events.map((event, index) => {
    const phase = stepPhase(event, now);
    const item = div(
      `tt-timeline__item tt-timeline__item--${phase}`,
      div(
        'tt-timeline__head',
        text('tt-timeline__title', eventTitle(event, view)) +
          text('tt-timeline__phase', t(`calendar.phase.${phase}`)),
      ) +
        (event.startsAt
          ? text(
              'tt-timeline__when',
              t('calendar.opens', { time: formatDual(t, event.startsAt, false, isRtl) }),
            )
          : '') +
        text(
          'tt-timeline__when',
          t('calendar.closes', { time: formatDual(t, event.endsAt, true, isRtl) }),
        ) +
        text(
          'tt-timeline__source',
          t('calendar.section', { section: sectionNumber(event.section, isRtl) }),
        ) +
        (event.interpretation
          ? isRtl
            ? // The office's Chinese, quoted as the app's <Quotation> does.
              div(
                'tt-timeline__note tt-quote',
                text('tt-quote__lead', t('calendar.interpretationQuoted')) +
                  `<div class="tt-quote__text" lang="zh-CN" dir="ltr">${escapeHtml(event.interpretation)}</div>`,
                ' role="note"',
              )
            : text(
                'tt-timeline__note',
                t('calendar.interpretation', { text: event.interpretation }),
              )
          : ''),
    );
    return index === todayIndex ? today + item : item;
  });
  return div(
    'tt-timeline',
    div(
      'tt-timeline__progress',
      div('tt-timeline__progress-bar', '', ` style="width: ${progress}%;"`),
    ) +
      items.join('') +
      (todayIndex === events.length ? today : ''),
  );
}

function regionName({ t }: FirstScreenView, round: CalendarRoundResponse): string {
  return findRegion(round.regionCode)
    ? t(`region.${round.regionCode}` as MessageKey)
    : round.regionName;
}

// As the app's RoundNotice: the region, and while this year's notice is not out, the news, the
// "remind me" button (the app makes it work) and last year's dates labelled as such.
function renderRound(round: CalendarRoundResponse, view: FirstScreenView): string {
  const { t } = view;
  const region = regionName(view, round);
  const earlier = round.isPublished ? null : round.previous;
  return div(
    'tt-round',
    div(
      'tt-round__region',
      text('tt-round__region-name', t('round.region', { region })) +
        text('tt-round__change tt-tap', t('round.changeRegion')),
    ) +
      (round.isPublished
        ? ''
        : div(
            'tt-round__pending',
            text('tt-round__pending-title', t('round.notPublished', { year: round.year })) +
              text(
                'tt-round__pending-hint',
                t('round.notPublishedHint', { region, year: round.year }),
              ) +
              div(
                'tt-round__watch',
                text('tt-round__button tt-round__button--filled', t('round.notifyMe')) +
                  text('tt-round__note tt-first-screen__signed-out', t('round.signInToWatch')),
              ),
            ' role="status"',
          ) +
          text(
            'tt-round__earlier',
            earlier ? t('round.earlierYear', { year: earlier.year }) : t('round.noEarlierYear'),
          )),
    ' id="round"',
  );
}

// Chinese by nature (a notice title, a document number): marked so, isolated in Uyghur text.
const chinese = (value: string, isRtl: boolean): string =>
  `<span lang="zh-CN"${isRtl ? ' dir="ltr"' : ''}>${escapeHtml(isolate(value, isRtl))}</span>`;

function renderNotices({ data, t, locale }: FirstScreenView): string {
  const isRtl = directionOf(locale) === 'rtl';
  if (data.notices.length === 0) return text('tt-notices__empty', t('state.empty'));
  return div(
    'tt-notices',
    data.notices
      .map((notice) =>
        div(
          'tt-notices__item',
          text(
            'tt-notices__title',
            isRtl ? t('notice.heading', { year: notice.year }) : notice.title,
          ) +
            (isRtl ? div('tt-notices__meta', chinese(notice.title, isRtl)) : '') +
            div(
              'tt-notices__meta',
              `${chinese(notice.documentNumber, isRtl)} · ${escapeHtml(t('notice.publishedOn', { date: notice.publishedOn }))}`,
            ),
        ),
      )
      .join(''),
  );
}

// The signed-out home screen; for a signed-in reader the page's own script swaps the sign-in
// hint for the loading skeleton the app shows while it fetches the reader's to-dos.
export function renderFirstScreen(view: FirstScreenView): string {
  const { data, t, locale, round } = view;
  const dir = directionOf(locale);
  const { calendar } = data;
  const isCurrent = calendar !== null && (round === null || round.isPublished);
  const body =
    text('home__section-title', t('home.urgentTodo')) +
    text('home__hint tt-first-screen__signed-out', t('home.signInHint')) +
    div(
      'tt-state tt-state--loading tt-first-screen__signed-in',
      div('tt-state__bar', '') +
        div('tt-state__bar tt-state__bar--short', '') +
        text('tt-state__text', t('state.loading')),
    ) +
    div('tt-nav', NAV_KEYS.map((key) => text('tt-nav__item', t(`nav.${key}`))).join('')) +
    text('home__hint tt-first-screen__eligibility', t('guide.eligibility.entry')) +
    (round ? renderRound(round, view) : '') +
    (calendar && isCurrent
      ? renderCountdown(calendar.events, calendar.year, view) +
        text('home__section-title', t('home.calendarTitle', { year: calendar.year }))
      : '') +
    (calendar ? renderTimeline(calendar.events, view) : '') +
    text('home__section-title', t('home.notices')) +
    renderNotices(view);
  return div(
    'tt-first-screen',
    div(`tt-page tt-page--${dir}`, body, ` data-dir="${dir}" dir="${dir}" lang="${locale}"`),
    ` id="${FIRST_SCREEN.elementId}" lang="${locale}" aria-busy="true"`,
  );
}

// JSON inside <script>: "<" escaped so no text of a notice can close the element.
export const embedJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

const APP_ROOT = '<div id="app"></div>';

/**
 * The built H5 page with the first screen put in front of the app's root and its data beside
 * it; `<html>` gets the language and direction. A page without the app root (an unexpected
 * build) is sent unchanged: the app then draws everything itself, as before.
 */
export function injectFirstScreen(
  indexHtml: string,
  firstScreen: string,
  data: FirstScreenData,
  locale: Locale,
): string {
  if (!indexHtml.includes(APP_ROOT)) return indexHtml;
  const dataScript = `<script type="application/json" id="${FIRST_SCREEN.dataElementId}">${embedJson(data)}</script>`;
  return indexHtml
    .replace(/<html lang="[^"]*">/, `<html lang="${locale}" dir="${directionOf(locale)}">`)
    .replace(APP_ROOT, `${firstScreen}${dataScript}${APP_ROOT}`);
}
