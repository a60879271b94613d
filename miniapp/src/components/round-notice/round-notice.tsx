import { View } from '@tarojs/components';

import { useT } from '../../locales';
import { pressable } from '../a11y';
import { RegionPicker } from './region-picker';
import type { RoundRegionChoice } from './round-notice.type';
import './round-notice.scss';

export type { RoundRegionChoice };

export interface RoundWatch {
  isSignedIn: boolean;
  isWatching: boolean;
  isBusy: boolean;
  note: string | null;
  watch: () => void;
  unwatch: () => void;
}

export interface RoundNoticeProps {
  // The round's year and region.
  year: number;
  regionName: string;
  isPublished: boolean;
  // The earlier year whose calendar is shown below while this year's is not out.
  earlierYear: number | null;
  // Choices of region when no application decides it; empty: the region is not a choice.
  regionChoices?: readonly RoundRegionChoice[];
  regionCode?: string;
  onChooseRegion?: (code: string) => void;
  watch?: RoundWatch | null;
  onSignIn?: () => void;
}

const classPrefix = 'tt-round';

// The head of the round's calendar: whose region it is (and "更换地区"), and when this year's
// notice is not out yet, says so, offers "通知发布时提醒我" and labels last year's dates.
export function RoundNotice(props: RoundNoticeProps): JSX.Element {
  const t = useT();
  const { year, regionName, isPublished, earlierYear, watch } = props;
  const choices = props.regionChoices ?? [];
  const chosenIndex = Math.max(
    0,
    choices.findIndex((choice) => choice.code === props.regionCode),
  );
  return (
    <View className={classPrefix} id="round">
      <View className={`${classPrefix}__region`}>
        <View className={`${classPrefix}__region-name`} id="round-region">
          {t('round.region', { region: regionName })}
        </View>
        {choices.length > 0 && props.onChooseRegion ? (
          <RegionPicker
            choices={choices}
            chosenIndex={chosenIndex}
            label={t('round.changeRegion')}
            className={`${classPrefix}__change tt-tap`}
            onChoose={props.onChooseRegion}
          />
        ) : null}
      </View>
      {isPublished ? null : (
        <View className={`${classPrefix}__pending`} id="round-not-published" role="status">
          <View className={`${classPrefix}__pending-title`} id="round-not-published-title">
            {t('round.notPublished', { year })}
          </View>
          <View className={`${classPrefix}__pending-hint`}>
            {t('round.notPublishedHint', { region: regionName, year })}
          </View>
          {watch ? <RoundWatchButton watch={watch} onSignIn={props.onSignIn} /> : null}
        </View>
      )}
      {isPublished ? null : (
        <View className={`${classPrefix}__earlier`} id="earlier-year-label">
          {earlierYear === null
            ? t('round.noEarlierYear')
            : t('round.earlierYear', { year: earlierYear })}
        </View>
      )}
    </View>
  );
}

interface RoundWatchButtonProps {
  watch: RoundWatch;
  onSignIn?: () => void;
}

function RoundWatchButton({ watch, onSignIn }: RoundWatchButtonProps): JSX.Element {
  const t = useT();
  if (watch.isWatching) {
    return (
      <View className={`${classPrefix}__watch`}>
        <View className={`${classPrefix}__watching`} id="notice-watching">
          {t('round.watching')}
        </View>
        <View
          className={`${classPrefix}__unwatch tt-tap`}
          id="notice-unwatch"
          {...pressable('button', () => {
            if (!watch.isBusy) watch.unwatch();
          })}
        >
          {t('round.unwatch')}
        </View>
        {watch.note ? <View className={`${classPrefix}__note`}>{watch.note}</View> : null}
      </View>
    );
  }
  // Our own filled button rather than NutUI's: this is the only button of the home screen, and
  // NutUI's would bring all its runtime into the weapp main package and the H5 first screen.
  const onPress = watch.isSignedIn ? watch.watch : onSignIn;
  return (
    <View className={`${classPrefix}__watch`}>
      <View
        className={`${classPrefix}__button ${classPrefix}__button--filled${watch.isBusy ? ` ${classPrefix}__button--busy` : ''}`}
        id="notify-me"
        aria-busy={watch.isBusy ? 'true' : undefined}
        {...pressable('button', () => {
          if (!watch.isBusy) onPress?.();
        })}
      >
        {t('round.notifyMe')}
      </View>
      {watch.isSignedIn ? null : (
        <View className={`${classPrefix}__note`} id="notify-sign-in">
          {t('round.signInToWatch')}
        </View>
      )}
      {watch.note ? (
        <View className={`${classPrefix}__note`} id="notify-note">
          {watch.note}
        </View>
      ) : null}
    </View>
  );
}
