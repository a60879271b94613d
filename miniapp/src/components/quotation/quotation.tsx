import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';

import { isolate } from '@titletrack/shared/locales';
import type { MessageKey } from '@titletrack/shared/locales';

import { useIsRtl, useT } from '../../locales';
import { ZH_SLOT } from '../../utils/zh-slot';
import './quotation.scss';

const classPrefix = 'tt-quote';
// Taro's types know neither attribute; H5 passes both to the element, weapp drops them (the
// isolates in the text keep the order there).
const CHINESE = { lang: 'zh-CN', dir: 'ltr' } as const;

export interface QuotationProps {
  id?: string;
  className?: string;
  // The Uyghur words above the quotation, e.g. "the notice's original text (Chinese)".
  lead?: MessageKey;
}

// Text that is Chinese by nature (the notice, an office's note), shown in Uyghur as a quotation of
// the original under a Uyghur lead-in. In Chinese it is simply the text.
export function Quotation({
  id,
  className,
  lead,
  children,
}: PropsWithChildren<QuotationProps>): JSX.Element {
  const t = useT();
  const isRtl = useIsRtl();
  const classes = [className, isRtl ? classPrefix : null].filter(Boolean).join(' ') || undefined;
  if (!isRtl)
    return (
      <View id={id} className={classes} {...{ lang: 'zh-CN' }}>
        {children}
      </View>
    );
  return (
    <View id={id} className={classes} role="note">
      {lead ? <View className={`${classPrefix}__lead`}>{t(lead)}</View> : null}
      <View className={`${classPrefix}__text`} {...CHINESE}>
        {children}
      </View>
    </View>
  );
}

export interface ZhTextProps {
  children: string;
  className?: string;
}

// A name, an employer, a specialty or a document number as the platform writes it, inside
// Uyghur text: marked Chinese and isolated left to right so "和地职称办〔2023〕1号" keeps its order.
export function ZhText({ children, className }: ZhTextProps): JSX.Element {
  const isRtl = useIsRtl();
  return (
    <Text className={className} {...(isRtl ? CHINESE : { lang: 'zh-CN' })}>
      {isolate(children, isRtl)}
    </Text>
  );
}

export interface ZhSentenceProps {
  // A translated text whose Chinese values were given as `zhSlot(name)` (utils/zh-slot).
  text: string;
  zh: Readonly<Record<string, string>>;
}

// A Uyghur sentence with Chinese data in it: each slot becomes its own Chinese element, so the
// sentence stays Uyghur and the data stays quoted.
export function ZhSentence({ text, zh }: ZhSentenceProps): JSX.Element {
  const parts = text.split(ZH_SLOT);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? <ZhText key={index}>{zh[part] ?? ''}</ZhText> : part,
      )}
    </>
  );
}
