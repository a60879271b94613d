import { renderToStaticMarkup } from 'react-dom/server';

import type { StatusHistoryItem } from '@titletrack/shared/contract';

import '../../../locales';
import { StatusTimeline } from '../status-timeline';

const RETURNED_TWICE: StatusHistoryItem[] = [
  { status: 'drafting', changedAt: '2023-07-21T03:00:00Z' },
  { status: 'submitted', changedAt: '2023-08-05T03:00:00Z' },
  { status: 'authority_review', changedAt: '2023-08-14T03:00:00Z' },
  { status: 'returned', changedAt: '2023-08-15T02:00:00Z' },
  { status: 'submitted', changedAt: '2023-08-16T05:00:00Z' },
  { status: 'returned', changedAt: '2023-08-20T16:30:00Z' },
];

// [state, data-status, label text] of every row, in document order.
function rows(markup: string): Array<[string, string, string]> {
  const found: Array<[string, string, string]> = [];
  const pattern =
    /tt-status__item--(\w+)" data-status="(\w+)"><div class="tt-status__dot"><\/div><div class="tt-status__body"><div class="tt-status__label">([^<]*)<\/div>/g;
  for (let match = pattern.exec(markup); match; match = pattern.exec(markup)) {
    found.push([match[1] ?? '', match[2] ?? '', match[3] ?? '']);
  }
  return found;
}

describe('StatusTimeline', () => {
  it('should list the history in order with Beijing times and mark the last entry as current', () => {
    const markup = renderToStaticMarkup(
      <StatusTimeline history={RETURNED_TWICE} status="returned" />,
    );
    const history = rows(markup).filter(([state]) => state !== 'ahead');
    expect(history.map(([state, status]) => `${state}:${status}`)).toEqual([
      'done:drafting',
      'done:submitted',
      'done:authority_review',
      'done:returned',
      'done:submitted',
      'current:returned',
    ]);
    expect(history[5]?.[2]).toBe('已退回');
    // 16:30 UTC is 00:30 the next day in Beijing.
    expect(markup).toContain('2023-08-21 00:30');
    expect(markup).toContain('2023-07-21 11:00');
  });

  it('should show the main-line steps still ahead, never "returned" among them', () => {
    const ahead = rows(
      renderToStaticMarkup(<StatusTimeline history={RETURNED_TWICE} status="returned" />),
    )
      .filter(([state]) => state === 'ahead')
      .map(([, status]) => status);
    expect(ahead[0]).toBe('materials_received');
    expect(ahead[ahead.length - 1]).toBe('certificate_issued');
    expect(ahead).not.toContain('returned');
    expect(ahead).not.toContain('authority_review');
  });

  it('should show nothing ahead after a side exit such as not accepted', () => {
    const history = [
      ...RETURNED_TWICE,
      { status: 'not_accepted', changedAt: '2023-08-23T03:00:00Z' },
    ];
    const all = rows(
      renderToStaticMarkup(<StatusTimeline history={history} status="not_accepted" />),
    );
    expect(all.filter(([state]) => state === 'ahead')).toEqual([]);
    expect(all[all.length - 1]).toEqual(['current', 'not_accepted', '不予受理']);
  });

  it('should show nothing ahead once the certificate is issued', () => {
    const history = [{ status: 'certificate_issued', changedAt: '2023-12-18T03:00:00Z' }];
    const all = rows(
      renderToStaticMarkup(<StatusTimeline history={history} status="certificate_issued" />),
    );
    expect(all).toEqual([['current', 'certificate_issued', '电子证书已签发']]);
  });
});
