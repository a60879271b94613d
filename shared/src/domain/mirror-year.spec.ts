import { resolveMirrorYear } from './mirror-year';
import type { MirrorYearNotice } from './mirror-year';

const notice = (
  regionCode: string,
  year: number,
  route: 'prefecture_directed' | 'region',
  window: { startsOn?: string; endsOn: string },
): MirrorYearNotice => ({
  regionCode,
  calendar: {
    year,
    route,
    noticeDocumentNumber: `${regionCode}〔${year}〕${route}`,
    events: [
      { kind: 'review', title: '审核', endsOn: window.endsOn, section: '三', wording: '' },
      {
        kind: 'application',
        title: '申报',
        ...(window.startsOn === undefined ? {} : { startsOn: window.startsOn }),
        endsOn: window.endsOn,
        section: '三(一)',
        wording: '',
      },
    ],
  },
});

const hotan2023 = notice('6532', 2023, 'prefecture_directed', {
  startsOn: '2023-07-20',
  endsOn: '2023-08-30',
});
const hotan2024 = notice('6532', 2024, 'prefecture_directed', {
  startsOn: '2024-07-01',
  endsOn: '2024-08-31',
});
const xinjiang2023 = notice('65', 2023, 'region', { startsOn: '2023-07-01', endsOn: '2023-08-15' });
const kashgar2023 = notice('6531', 2023, 'prefecture_directed', {
  startsOn: '2023-01-01',
  endsOn: '2023-12-31',
});

describe('resolveMirrorYear', () => {
  it('takes the year of the notice whose application window holds the row’s Beijing day', () => {
    expect(
      resolveMirrorYear({ at: '2023-07-25T02:00:00Z', regionCode: '6532', route: null }, [
        hotan2023,
        hotan2024,
      ]),
    ).toEqual({ kind: 'year', year: 2023 });
  });

  it('counts both ends of the window as Beijing days', () => {
    const notices = [hotan2023];
    // 2023-07-19 16:00 UTC is 07-20 00:00 in Beijing; 08-30 15:59 UTC is 23:59 there.
    expect(
      resolveMirrorYear({ at: '2023-07-19T16:00:00Z', regionCode: '6532', route: null }, notices),
    ).toEqual({ kind: 'year', year: 2023 });
    expect(
      resolveMirrorYear({ at: '2023-08-30T15:59:59Z', regionCode: '6532', route: null }, notices),
    ).toEqual({ kind: 'year', year: 2023 });
    expect(
      resolveMirrorYear({ at: '2023-08-30T16:00:00Z', regionCode: '6532', route: null }, notices),
    ).toEqual({ kind: 'none' });
    expect(
      resolveMirrorYear({ at: '2023-07-19T15:59:59Z', regionCode: '6532', route: null }, notices),
    ).toEqual({ kind: 'none' });
  });

  it('answers none outside every window and for another prefecture’s notices', () => {
    expect(
      resolveMirrorYear({ at: new Date('2023-10-01T00:00:00Z'), regionCode: '6532', route: null }, [
        hotan2023,
      ]),
    ).toEqual({ kind: 'none' });
    expect(
      resolveMirrorYear({ at: '2023-07-25T02:00:00Z', regionCode: '6501', route: null }, [
        hotan2023,
      ]),
    ).toEqual({ kind: 'none' });
    expect(resolveMirrorYear({ at: 0, regionCode: '6532', route: null }, [])).toEqual({
      kind: 'none',
    });
  });

  it('reads the region route from the autonomous region’s notice', () => {
    expect(
      resolveMirrorYear({ at: '2023-07-05T02:00:00Z', regionCode: '6532', route: 'region' }, [
        hotan2023,
        xinjiang2023,
      ]),
    ).toEqual({ kind: 'year', year: 2023 });
    // The prefecture-directed route does not read the autonomous region's notice.
    expect(
      resolveMirrorYear(
        { at: '2023-07-05T02:00:00Z', regionCode: '6532', route: 'prefecture_directed' },
        [hotan2023, xinjiang2023],
      ),
    ).toEqual({ kind: 'none' });
  });

  it('two routes of the same year agree on the year', () => {
    expect(
      resolveMirrorYear({ at: '2023-08-01T02:00:00Z', regionCode: '6532', route: null }, [
        hotan2023,
        xinjiang2023,
      ]),
    ).toEqual({ kind: 'year', year: 2023 });
  });

  it('overlapping windows of different years are left to a person, with every option', () => {
    const early2024 = notice('6532', 2024, 'prefecture_directed', {
      startsOn: '2023-08-01',
      endsOn: '2024-08-31',
    });
    expect(
      resolveMirrorYear({ at: '2023-08-10T02:00:00Z', regionCode: '6532', route: null }, [
        early2024,
        hotan2023,
      ]),
    ).toEqual({
      kind: 'ambiguous',
      options: [
        {
          regionCode: '6532',
          year: 2023,
          route: 'prefecture_directed',
          documentNumber: hotan2023.calendar.noticeDocumentNumber,
        },
        {
          regionCode: '6532',
          year: 2024,
          route: 'prefecture_directed',
          documentNumber: early2024.calendar.noticeDocumentNumber,
        },
      ],
    });
  });

  it('a window without a start opens on 1 January of its end’s year', () => {
    const openEnded = notice('6531', 2023, 'prefecture_directed', { endsOn: '2023-06-30' });
    expect(
      resolveMirrorYear({ at: '2023-01-01T00:00:00Z', regionCode: '6531', route: null }, [
        openEnded,
      ]),
    ).toEqual({ kind: 'year', year: 2023 });
    expect(
      resolveMirrorYear({ at: '2022-12-31T00:00:00Z', regionCode: '6531', route: null }, [
        openEnded,
      ]),
    ).toEqual({ kind: 'none' });
    expect(
      resolveMirrorYear({ at: '2023-05-01T00:00:00Z', regionCode: '6531', route: null }, [
        kashgar2023,
      ]),
    ).toEqual({ kind: 'year', year: 2023 });
  });

  it('does not mutate the notices', () => {
    const notices = [hotan2023, hotan2024];
    const before = JSON.stringify(notices);
    resolveMirrorYear({ at: '2023-07-25T02:00:00Z', regionCode: '6532', route: null }, notices);
    expect(JSON.stringify(notices)).toBe(before);
  });

  it('refuses a time that is not one', () => {
    expect(() =>
      resolveMirrorYear({ at: 'not a time', regionCode: '6532', route: null }, [hotan2023]),
    ).toThrow(RangeError);
  });
});
