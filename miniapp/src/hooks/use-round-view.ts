import Taro from '@tarojs/taro';

import type { CalendarRoundResponse, CalendarYearResponse } from '@titletrack/shared/contract';

import type { RoundNoticeProps } from '../components/round-notice';
import { useT } from '../locales';
import { roundCalendar } from '../utils/current-round';
import { REGION_CHOICES, regionName } from '../utils/region-name';
import { ROUTES } from '../utils/routes';
import { useNoticeWatch } from './use-notice-watch';
import { usePreferences } from './use-preferences';

export interface RoundView {
  // The calendar to draw: this year's, or while it is not out the latest earlier one.
  calendar: CalendarYearResponse | null;
  isPublished: boolean;
  notice: RoundNoticeProps;
}

// What home and the calendar screen show of the current round. The region is mine to choose
// only while no bound application decides it.
export function useRoundView(
  round: CalendarRoundResponse | null,
  hasApplications: boolean,
): RoundView | null {
  const t = useT();
  const [prefs, setPrefs] = usePreferences();
  const watch = useNoticeWatch(round?.regionCode ?? prefs.regionCode, round?.year ?? 0);
  if (round === null) return null;
  const { calendar, isEarlierYear } = roundCalendar(round);
  const isPublished = round.isPublished && calendar !== null;
  return {
    calendar,
    isPublished,
    notice: {
      year: round.year,
      regionName: regionName(t, round.regionCode, round.regionName),
      isPublished,
      earlierYear: isEarlierYear && calendar ? calendar.year : null,
      regionChoices: hasApplications
        ? []
        : REGION_CHOICES.map((region) => ({
            code: region.code,
            name: regionName(t, region.code, region.name),
          })),
      regionCode: prefs.regionCode,
      onChooseRegion: (code) => setPrefs({ regionCode: code }),
      watch,
      onSignIn: () => void Taro.navigateTo({ url: ROUTES.me }),
    },
  };
}
