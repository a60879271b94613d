import { EVALUATION_ROUTE } from '../calendar/calendar.type';

// Where a notice and its calendar belong: the autonomous region (its committees publish for the
// 推荐自治区评审 route) and its 14 prefecture-level divisions, by GB/T 2260 code.

export const REGION_LEVEL = {
  AUTONOMOUS_REGION: 'autonomous_region',
  PREFECTURE: 'prefecture',
} as const;
export type RegionLevel = (typeof REGION_LEVEL)[keyof typeof REGION_LEVEL];

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
}

export const XINJIANG = {
  code: '65',
  name: '新疆维吾尔自治区',
  level: REGION_LEVEL.AUTONOMOUS_REGION,
} as const;

export const XINJIANG_PREFECTURES: readonly Region[] = [
  { code: '6501', name: '乌鲁木齐市', level: REGION_LEVEL.PREFECTURE },
  { code: '6502', name: '克拉玛依市', level: REGION_LEVEL.PREFECTURE },
  { code: '6504', name: '吐鲁番市', level: REGION_LEVEL.PREFECTURE },
  { code: '6505', name: '哈密市', level: REGION_LEVEL.PREFECTURE },
  { code: '6523', name: '昌吉回族自治州', level: REGION_LEVEL.PREFECTURE },
  { code: '6527', name: '博尔塔拉蒙古自治州', level: REGION_LEVEL.PREFECTURE },
  { code: '6528', name: '巴音郭楞蒙古自治州', level: REGION_LEVEL.PREFECTURE },
  { code: '6529', name: '阿克苏地区', level: REGION_LEVEL.PREFECTURE },
  { code: '6530', name: '克孜勒苏柯尔克孜自治州', level: REGION_LEVEL.PREFECTURE },
  { code: '6531', name: '喀什地区', level: REGION_LEVEL.PREFECTURE },
  { code: '6532', name: '和田地区', level: REGION_LEVEL.PREFECTURE },
  { code: '6540', name: '伊犁哈萨克自治州', level: REGION_LEVEL.PREFECTURE },
  { code: '6542', name: '塔城地区', level: REGION_LEVEL.PREFECTURE },
  { code: '6543', name: '阿勒泰地区', level: REGION_LEVEL.PREFECTURE },
];

export const REGIONS: readonly Region[] = [XINJIANG, ...XINJIANG_PREFECTURES];

// Hotan prefecture: the region of the seed notice.
export const HOTAN_REGION_CODE = '6532';

/**
 * The region with this GB/T 2260 code, or null.
 *
 * @param code - e.g. '6532'
 * @example findRegion('6532') // { code: '6532', name: '和田地区', level: 'prefecture' }
 */
export function findRegion(code: string): Region | null {
  return REGIONS.find((region) => region.code === code) ?? null;
}

/**
 * The region whose notice governs an application: the autonomous region's for the
 * 推荐自治区评审 route, else the prefecture the application belongs to.
 *
 * @param applicationRegionCode - the application's prefecture, e.g. '6532'
 * @param route - the application's evaluation route
 * @example
 * noticeRegionFor('6532', 'region') // '65'
 * noticeRegionFor('6532', 'prefecture_directed') // '6532'
 */
export function noticeRegionFor(applicationRegionCode: string, route: string): string {
  return route === EVALUATION_ROUTE.REGION ? XINJIANG.code : applicationRegionCode;
}
