import { htmlToText } from './html-text.util';

describe('htmlToText', () => {
  it('keeps the visible text with one line per block element', () => {
    expect(
      htmlToText(
        '<h1>关于做好2023年度职称评审工作的通知</h1><p>一、申报时间</p><p>二、申报条件</p>',
      ),
    ).toBe('关于做好2023年度职称评审工作的通知\n一、申报时间\n二、申报条件');
  });

  it('keeps each empty paragraph as a blank line, so page breaks stay visible', () => {
    expect(htmlToText('<p>缴纳评审费，</p><p></p><p> </p><p>高级450元/人。</p>')).toBe(
      '缴纳评审费，\n\n\n高级450元/人。',
    );
    expect(htmlToText('<div><p>一</p></div><div><p>二</p></div>')).toBe('一\n二');
  });

  it('turns <br> into a line break and collapses source whitespace', () => {
    expect(htmlToText('<p>网上申报：\n   7月20日至\n8月30日<br/>纸质材料</p>')).toBe(
      '网上申报： 7月20日至 8月30日\n纸质材料',
    );
  });

  it('drops scripts, styles, comments and the head', () => {
    const html =
      '<html><head><title>t</title><style>p{color:red}</style></head><body>' +
      '<script>var a = "<p>no</p>";</script><!-- <p>hidden</p> --><p>正文</p></body></html>';
    expect(htmlToText(html)).toBe('正文');
  });

  it('decodes named, decimal and hexadecimal entities', () => {
    expect(htmlToText('<p>A&amp;B &lt;x&gt; &ldquo;评审&rdquo; &#20013;&#x6587;&nbsp;!</p>')).toBe(
      'A&B <x> “评审” 中文 !',
    );
  });

  it('leaves unknown or out-of-range entities as written', () => {
    expect(htmlToText('<p>&unknown; &#x110000;</p>')).toBe('&unknown; &#x110000;');
  });

  it('keeps the cells of a table row on one line', () => {
    expect(
      htmlToText(
        '<table><tr><td>正高级</td><td>600元</td></tr><tr><td>副高级</td><td>500元</td></tr></table>',
      ),
    ).toBe('正高级 600元\n副高级 500元');
  });

  it('returns an empty string for markup without text', () => {
    expect(htmlToText('<div><br><p> </p></div>')).toBe('');
  });
});
