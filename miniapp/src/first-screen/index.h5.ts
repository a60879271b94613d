import { FIRST_SCREEN } from '@titletrack/shared/contract';
import type { CalendarRoundResponse, FirstScreenData } from '@titletrack/shared/contract';
import { HOTAN_REGION_CODE, findRegion } from '@titletrack/shared/region';

import type { HomeData } from '../hooks/use-home';
import { DEMO_CLOCK_STORAGE_KEY } from '../services/demo';
import { preferences } from '../services/preferences';
import { HOME_CACHE_KEY } from '../services/screen-cache';
import { screenCache } from '../services/screen-cache.taro';
import { taroStorage } from '../services/taro-storage';
import { beijingYearOf } from '../utils/current-round';
// The home screen's styles in the first stylesheet (css/app.css), which the page links in its
// <head>: the server's first screen needs them before any script, and webpack then leaves them
// out of the home page's own chunk.
import '../components/state-view/state-view.scss';
import '../components/page-root/page-root.scss';
import '../components/nav-grid/nav-grid.scss';
import '../components/deadline-countdown/deadline-countdown.scss';
import '../components/calendar-timeline/calendar-timeline.scss';
import '../components/notice-list/notice-list.scss';
import '../components/round-notice/round-notice.scss';
import '../pages/index/index.scss';
import './first-screen.scss';

function readData(): FirstScreenData | null {
  const element = document.getElementById(FIRST_SCREEN.dataElementId);
  if (!element?.textContent) return null;
  try {
    return JSON.parse(element.textContent) as FirstScreenData;
  } catch {
    return null;
  }
}

// The data the server drew the first screen from becomes the home screen's cached answer, so
// the app's first render shows the same screen at once instead of asking the server again (it
// still refreshes behind it). Not under a demo clock (remembered, or `?now=`): that may pick
// another year.
function isUnderDemoClock(): boolean {
  const query = window.location.hash.split('?')[1] ?? '';
  return taroStorage.get(DEMO_CLOCK_STORAGE_KEY) !== null || new URLSearchParams(query).has('now');
}

// The server draws the default region's round: its calendar is this year's when its year is the
// year the page was drawn in, else the latest earlier one (this year's notice is not out).
export function roundOfFirstScreen(data: FirstScreenData): CalendarRoundResponse {
  const year = beijingYearOf(new Date(data.renderedAt));
  const regionCode = data.calendar?.regionCode ?? HOTAN_REGION_CODE;
  const isPublished = data.calendar?.year === year;
  return {
    regionCode,
    regionName: findRegion(regionCode)?.name ?? data.calendar?.region ?? regionCode,
    year,
    route: data.calendar?.route ?? 'prefecture_directed',
    isPublished,
    calendar: isPublished ? data.calendar : null,
    previous: isPublished ? null : data.calendar,
  };
}

export function adoptFirstScreen(): void {
  const data = readData();
  if (data === null || isUnderDemoClock()) return;
  const round = roundOfFirstScreen(data);
  // Another region chosen on this phone: its round is not what the server drew.
  if (preferences.get().regionCode !== round.regionCode) return;
  const home: HomeData = { round, notices: data.notices, isDemoClock: false };
  screenCache.set(HOME_CACHE_KEY, home);
}

// The app has drawn a screen of its own: the server's drawing goes.
export function dismissFirstScreen(): void {
  document.getElementById(FIRST_SCREEN.elementId)?.remove();
  document.getElementById(FIRST_SCREEN.dataElementId)?.remove();
}
