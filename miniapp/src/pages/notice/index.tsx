import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';

import { PageRoot } from '../../components/page-root';
import { Quotation, ZhSentence, ZhText, zhSlot } from '../../components/quotation';
import { StateView } from '../../components/state-view';
import { useNotice } from '../../hooks/use-notice';
import { LOCALE, useLocale, useT } from '../../locales';
import { toTextBlocks } from '../../utils/markdown-blocks';
import './index.scss';

export default function NoticePage(): JSX.Element {
  const t = useT();
  const isChinese = useLocale() === LOCALE.ZH_CN;
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
  const { title, documentNumber, issuer, publishedOn, body, year } = notice.data;
  // In Uyghur the heading and the facts are said from data; the notice itself, Chinese by nature,
  // is quoted as issued.
  return (
    <PageRoot title="header.notice">
      <View className="notice" id="notice-detail">
        <View className="notice__title" id="notice-title" role="heading" aria-level={2}>
          {isChinese ? title : t('notice.heading', { year })}
        </View>
        <View className="notice__meta" id="notice-number">
          <ZhText>{documentNumber}</ZhText>
        </View>
        <View className="notice__meta">
          <ZhSentence text={t('notice.issuer', { issuer: zhSlot('issuer') })} zh={{ issuer }} />
        </View>
        <View className="notice__meta">{t('notice.publishedOn', { date: publishedOn })}</View>
        <Quotation className="notice__body" id="notice-original" lead="notice.original">
          {/* The issued title, unless the body already opens with it. */}
          {isChinese || body.includes(title) ? null : (
            <View className="notice__block notice__block--heading">{title}</View>
          )}
          {toTextBlocks(body).map((block, index) => (
            <View key={index} className={`notice__block notice__block--${block.kind}`}>
              {block.text}
            </View>
          ))}
        </Quotation>
      </View>
    </PageRoot>
  );
}
