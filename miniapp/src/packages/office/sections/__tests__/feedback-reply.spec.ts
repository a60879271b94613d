import { FEEDBACK_STATE_OPTIONS, checkReply, textExcerpt } from '../feedback-reply';

describe('checkReply', () => {
  it('should give the trimmed reply to send', () => {
    expect(checkReply('  已核实，将补充通知。\r\n')).toEqual({ reply: '已核实，将补充通知。' });
  });

  it('should refuse an empty, an over-long and a bidi-laden reply in Chinese', () => {
    expect(checkReply('   ')).toEqual({ problem: '请填写答复' });
    expect(checkReply('好'.repeat(1001))).toEqual({ problem: '答复不超过 1000 字' });
    expect(checkReply('见\u2066附件\u2069')).toEqual({
      problem: '答复含有不可见的控制字符，请删除后再发送',
    });
  });
});

describe('FEEDBACK_STATE_OPTIONS', () => {
  it('should offer every state after “all”', () => {
    expect(FEEDBACK_STATE_OPTIONS.map((option) => option.value)).toEqual([
      'all',
      'open',
      'replied',
      'handled',
    ]);
    expect(FEEDBACK_STATE_OPTIONS.map((option) => option.label)).toEqual([
      '全部',
      '待答复',
      '已答复',
      '已办结',
    ]);
  });
});

describe('textExcerpt', () => {
  it('should keep a short text whole, on one line', () => {
    expect(textExcerpt('办理\n太慢')).toBe('办理 太慢');
  });

  it('should cut a long text with an ellipsis', () => {
    expect(textExcerpt('好'.repeat(41))).toBe(`${'好'.repeat(40)}…`);
  });
});
