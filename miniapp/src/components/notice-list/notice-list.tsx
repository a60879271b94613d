import { View } from '@tarojs/components';

import type { NoticeSummary } from '@titletrack/shared/contract';

import { useT } from '../../locales';
import { pressable } from '../a11y';
import './notice-list.scss';

export interface NoticeListProps {
  items: NoticeSummary[];
  onOpen: (id: string) => void;
}

const classPrefix = 'tt-notices';

export function NoticeList({ items, onOpen }: NoticeListProps): JSX.Element {
  const t = useT();
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
          <View className={`${classPrefix}__title`}>{notice.title}</View>
          <View className={`${classPrefix}__meta`}>
            {notice.documentNumber} · {t('notice.publishedOn', { date: notice.publishedOn })}
          </View>
        </View>
      ))}
    </View>
  );
}
