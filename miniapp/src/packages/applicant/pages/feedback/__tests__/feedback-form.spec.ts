import { LOCALE, changeLocale, translate } from '../../../../../locales';
import { EMPTY_FEEDBACK_FORM, checkFeedbackForm, typedLength } from '../feedback-form';

describe('checkFeedbackForm', () => {
  afterEach(() => changeLocale(LOCALE.ZH_CN));

  it('should build the request from the trimmed form, for the region I follow', () => {
    expect(
      checkFeedbackForm(
        translate,
        { category: 'complaint', text: '  办理太慢 \n', contact: ' 13912345678 ' },
        '6532',
      ),
    ).toEqual({
      isValid: true,
      request: {
        regionCode: '6532',
        category: 'complaint',
        text: '办理太慢',
        contact: '13912345678',
      },
    });
  });

  it('should leave the contact out when none was typed', () => {
    const check = checkFeedbackForm(translate, { ...EMPTY_FEEDBACK_FORM, text: '建议' }, '6532');
    expect(check).toEqual({
      isValid: true,
      request: { regionCode: '6532', category: 'suggestion', text: '建议' },
    });
  });

  it('should say what is wrong with the text and the contact when both are wrong', () => {
    expect(
      checkFeedbackForm(translate, { ...EMPTY_FEEDBACK_FORM, contact: '1'.repeat(101) }, '6532'),
    ).toEqual({
      isValid: false,
      problems: { text: '请填写内容', contact: '联系方式不超过 100 字' },
    });
  });

  it('should refuse a text over 1000 characters and one with bidi controls', () => {
    expect(
      checkFeedbackForm(translate, { ...EMPTY_FEEDBACK_FORM, text: '好'.repeat(1001) }, '6532'),
    ).toEqual({ isValid: false, problems: { text: '内容超过 1000 字' } });
    expect(
      checkFeedbackForm(translate, { ...EMPTY_FEEDBACK_FORM, text: '看\u202e这里' }, '6532'),
    ).toEqual({
      isValid: false,
      problems: { text: '内容含有不可见的控制字符，请删除后再提交' },
    });
  });

  it('should say it in Uyghur when Uyghur is chosen', async () => {
    await changeLocale(LOCALE.UG);
    const check = checkFeedbackForm(translate, EMPTY_FEEDBACK_FORM, '6532');
    expect(check).toEqual({ isValid: false, problems: { text: 'مەزمۇننى يېزىڭ' } });
  });
});

describe('typedLength', () => {
  it('should count characters as the limit does, an emoji as one', () => {
    expect(typedLength(' 好😀 ')).toBe(2);
  });
});
