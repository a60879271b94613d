import type { EvaluationRoute } from '../calendar/calendar.type';
import type { ApplicationStatus } from './application-status';
import { isTerminalStatus } from './application-status';

// R2 (§二): "申报人在同一年度只能选择上述一种方式申报。"

export const ROUTE_REFUSAL = {
  OTHER_ROUTE_CHOSEN: 'other_route_chosen',
  ALREADY_APPLIED: 'already_applied',
} as const;
export type RouteRefusal = (typeof ROUTE_REFUSAL)[keyof typeof ROUTE_REFUSAL];

export interface RouteChoice {
  year: number;
  route: EvaluationRoute;
}

export type RouteCheck =
  | { isAllowed: true }
  | { isAllowed: false; reason: RouteRefusal; conflictingRoute: EvaluationRoute };

/**
 * R2: whether a person may start an application on a route in a year, given their other
 * applications. Any application on the other route that year, even a withdrawn one, means the
 * route is chosen; on the same route only an open application stands in the way.
 *
 * @param existing - the person's applications (any year, any status)
 * @param proposed - the year and route of the new application
 * @example
 * checkRouteChoice([{ year: 2023, route: 'region', status: 'withdrawn' }], { year: 2023, route: 'prefecture_directed' })
 * // { isAllowed: false, reason: 'other_route_chosen', conflictingRoute: 'region' }
 */
export function checkRouteChoice(
  existing: readonly (RouteChoice & { status: ApplicationStatus })[],
  proposed: RouteChoice,
): RouteCheck {
  for (const application of existing) {
    if (application.year !== proposed.year) continue;
    if (application.route !== proposed.route) {
      return {
        isAllowed: false,
        reason: ROUTE_REFUSAL.OTHER_ROUTE_CHOSEN,
        conflictingRoute: application.route,
      };
    }
  }
  for (const application of existing) {
    if (application.year === proposed.year && !isTerminalStatus(application.status)) {
      return {
        isAllowed: false,
        reason: ROUTE_REFUSAL.ALREADY_APPLIED,
        conflictingRoute: application.route,
      };
    }
  }
  return { isAllowed: true };
}
