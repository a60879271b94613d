import { renderToStaticMarkup } from 'react-dom/server';

import { LOCALE, changeLocale } from '../../../locales';
import { zhSlot } from '../../../utils/zh-slot';
import { Quotation, RuleSource, ZhSentence, ZhText } from '..';

describe('Quotation', () => {
  afterEach(() => changeLocale(LOCALE.ZH_CN));

  it('should be the plain text, marked Chinese, when the language is Chinese', () => {
    const markup = renderToStaticMarkup(<Quotation lead="notice.original">通知正文</Quotation>);
    expect(markup).toBe('<div lang="zh-CN">通知正文</div>');
  });

  it('should quote the Chinese left to right under a Uyghur lead-in when the language is ug', async () => {
    await changeLocale(LOCALE.UG);
    const markup = renderToStaticMarkup(
      <Quotation id="q" lead="notice.original">
        通知正文
      </Quotation>,
    );
    expect(markup).toContain('role="note"');
    expect(markup).toContain('ئۇقتۇرۇشنىڭ ئەسلى تېكىستى (خەنزۇچە)');
    expect(markup).toContain('lang="zh-CN" dir="ltr">通知正文</div>');
  });
});

describe('ZhText and ZhSentence', () => {
  afterEach(() => changeLocale(LOCALE.ZH_CN));

  it('should isolate a Chinese document number inside Uyghur text', async () => {
    await changeLocale(LOCALE.UG);
    expect(renderToStaticMarkup(<ZhText>和地职称办〔2023〕1号</ZhText>)).toBe(
      '<span lang="zh-CN" dir="ltr">\u2066和地职称办〔2023〕1号\u2069</span>',
    );
  });

  it('should put each Chinese value of a sentence in its own Chinese element', async () => {
    await changeLocale(LOCALE.UG);
    const markup = renderToStaticMarkup(
      <ZhSentence text={`ئىسمى: ${zhSlot('name')}.`} zh={{ name: '阿依古丽' }} />,
    );
    expect(markup).toBe('ئىسمى: <span lang="zh-CN" dir="ltr">\u2066阿依古丽\u2069</span>.');
  });

  it('should cite a rule with the section in Arabic numerals in Uyghur, as written in Chinese', async () => {
    const chinese = renderToStaticMarkup(
      <RuleSource notice="和地职称办〔2023〕1号" section="四(十)" rule="R17" />,
    );
    expect(chinese).toContain('第四(十)条（R17）');
    await changeLocale(LOCALE.UG);
    const uyghur = renderToStaticMarkup(
      <RuleSource notice="和地职称办〔2023〕1号" section="四(十)" rule="R17" />,
    );
    expect(uyghur).toContain('\u20664(10)\u2069-ماددا');
    expect(uyghur).not.toContain('四(十)');
    expect(uyghur).toContain('(\u2066R17\u2069)');
  });
});

describe('RuleSource for an attachment of the notice', () => {
  afterEach(() => changeLocale(LOCALE.ZH_CN));

  it('should cite 附件3 as the third attachment in Uyghur, not as a section', async () => {
    await changeLocale(LOCALE.UG);
    const markup = renderToStaticMarkup(
      <RuleSource notice="和地职称办〔2023〕1号" section="附件3" rule="R19" />,
    );
    expect(markup).toContain('\u20663\u2069-قوشۇمچە');
    expect(markup.replace(/<span lang="zh-CN"[^>]*>[^<]*<\/span>/g, '')).not.toMatch(
      /\p{Script=Han}/u,
    );
  });
});
