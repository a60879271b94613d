import { View } from '@tarojs/components';

import type { NoticeSummary } from '@titletrack/shared/contract';

import { LOCALE, useLocale, useT } from '../../locales';
import { pressable } from '../a11y';
import { ZhText } from '../quotation';
import './notice-list.scss';

export interface NoticeListProps {
  items: NoticeSummary[];
  onOpen: (id: string) => void;
}

const classPrefix = 'tt-notices';

export function NoticeList({ items, onOpen }: NoticeListProps): JSX.Element {
  const t = useT();
  const isChinese = useLocale() === LOCALE.ZH_CN;
  if (items.length === 0)
    return <View className={`${classPrefix}__empty`}>{t('state.empty')}</View>;
  return (
    <View className={classPrefix} id="notice-list">
      {items.map((notice) => (
        <View
          className={`${classPrefix}__item`}
          key={notice.id}
          id={`notice-${notice.id}`}
          {...pressable('link', () => onOpen(notice.id))}
        >
          {/* In Uyghur: a heading said from data, the issued title quoted under it. */}
          <View className={`${classPrefix}__title`}>
            {isChinese ? notice.title : t('notice.heading', { year: notice.year })}
          </View>
          {isChinese ? null : (
            <View className={`${classPrefix}__meta`}>
              <ZhText>{notice.title}</ZhText>
            </View>
          )}
          <View className={`${classPrefix}__meta`}>
            <ZhText>{notice.documentNumber}</ZhText> ·{' '}
            {t('notice.publishedOn', { date: notice.publishedOn })}
          </View>
        </View>
      ))}
    </View>
  );
}
