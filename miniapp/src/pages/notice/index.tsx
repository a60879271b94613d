import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';

import { PageRoot } from '../../components/page-root';
import { StateView } from '../../components/state-view';
import { useNotice } from '../../hooks/use-notice';
import { useT } from '../../locales';
import { toTextBlocks } from '../../utils/markdown-blocks';
import './index.scss';

export default function NoticePage(): JSX.Element {
  const t = useT();
  const { params } = useRouter();
  const notice = useNotice(params.id ?? '');

  if (notice.isLoading && !notice.data)
    return (
      <PageRoot title="header.notice">
        <StateView state="loading" />
      </PageRoot>
    );
  if (notice.error || !notice.data) {
    return (
      <PageRoot title="header.notice">
        <StateView state="error" errorCode={notice.error?.code} onRetry={notice.reload} />
      </PageRoot>
    );
  }
  const { title, documentNumber, issuer, publishedOn, body } = notice.data;
  return (
    <PageRoot title="header.notice">
      <View className="notice" id="notice-detail">
        <View className="notice__title" id="notice-title" role="heading" aria-level={2}>
          {title}
        </View>
        <View className="notice__meta">{documentNumber}</View>
        <View className="notice__meta">{t('notice.issuer', { issuer })}</View>
        <View className="notice__meta">{t('notice.publishedOn', { date: publishedOn })}</View>
        <View className="notice__body">
          {toTextBlocks(body).map((block, index) => (
            <View key={index} className={`notice__block notice__block--${block.kind}`}>
              {block.text}
            </View>
          ))}
        </View>
      </View>
    </PageRoot>
  );
}
