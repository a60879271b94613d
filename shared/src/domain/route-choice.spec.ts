import { checkRouteChoice } from './route-choice';

describe('R2 checkRouteChoice', () => {
  const proposed = { year: 2023, route: 'prefecture_directed' } as const;

  it('R2 allows a first application of the year', () => {
    expect(checkRouteChoice([], proposed)).toEqual({ isAllowed: true });
    expect(
      checkRouteChoice([{ year: 2022, route: 'region', status: 'not_passed' }], proposed),
    ).toEqual({ isAllowed: true });
  });

  it.each(['drafting', 'withdrawn', 'not_accepted'] as const)(
    'R2 refuses the other route in the same year, even when that application is %s',
    (status) => {
      expect(checkRouteChoice([{ year: 2023, route: 'region', status }], proposed)).toEqual({
        isAllowed: false,
        reason: 'other_route_chosen',
        conflictingRoute: 'region',
      });
    },
  );

  it('R2 refuses a second open application on the same route', () => {
    expect(
      checkRouteChoice(
        [{ year: 2023, route: 'prefecture_directed', status: 'authority_review' }],
        proposed,
      ),
    ).toMatchObject({ isAllowed: false, reason: 'already_applied' });
  });

  it('R2 allows a new application on the same route after a withdrawal', () => {
    expect(
      checkRouteChoice(
        [{ year: 2023, route: 'prefecture_directed', status: 'withdrawn' }],
        proposed,
      ),
    ).toEqual({ isAllowed: true });
  });
});
