export { Quotation, ZhSentence, ZhText } from './quotation';
export { zhSlot } from '../../utils/zh-slot';
export type { QuotationProps, ZhSentenceProps, ZhTextProps } from './quotation';
export { RuleSource } from './rule-source';
export type { RuleSourceProps } from './rule-source';
