import { attachmentNumber, sectionNumber } from '@titletrack/shared/locales';

import { useIsRtl, useT } from '../../locales';
import { zhSlot } from '../../utils/zh-slot';
import { ZhSentence } from './quotation';

export interface RuleSourceProps {
  // The notice's document number, e.g. 和地职称办〔2023〕1号 (Chinese by nature).
  notice: string;
  // The notice's section, e.g. 四(一)1, said in Arabic numerals in Uyghur.
  section: string;
  rule: string;
}

// "依据：和地职称办〔2023〕1号 第四(十)条（R17）", in either language.
export function RuleSource(props: RuleSourceProps): JSX.Element {
  const { section, rule } = props;
  const t = useT();
  const isRtl = useIsRtl();
  const attachment = attachmentNumber(section);
  const notice = zhSlot('notice');
  return (
    <ZhSentence
      text={
        // R19's template sits in the notice's attachment 3, not in a numbered section.
        attachment === null
          ? t('action.rule', { notice, section: sectionNumber(section, isRtl), rule })
          : t('action.ruleAttachment', { notice, number: attachment, rule })
      }
      zh={{ notice: props.notice }}
    />
  );
}
