import { toTextBlocks } from '../markdown-blocks';

describe('toTextBlocks', () => {
  it('should turn headings, paragraphs and list items into plain blocks', () => {
    expect(
      toTextBlocks('# 标题\n\n第一段**加粗**，\n接续。\n\n1. 推荐单位公示（模板）\n- 要点'),
    ).toEqual([
      { kind: 'heading', text: '标题' },
      { kind: 'paragraph', text: '第一段加粗，接续。' },
      { kind: 'item', text: '1. 推荐单位公示（模板）' },
      { kind: 'item', text: '• 要点' },
    ]);
  });

  it('should keep link texts and drop their addresses', () => {
    expect(
      toTextBlocks('平台（[www.xjzcsq.com](http://www.xjzcsq.com)）与 <http://ht.xjzcsq.com>'),
    ).toEqual([{ kind: 'paragraph', text: '平台（www.xjzcsq.com）与 http://ht.xjzcsq.com' }]);
  });

  it('should give nothing for an empty text', () => {
    expect(toTextBlocks('\n\n')).toEqual([]);
  });
});
