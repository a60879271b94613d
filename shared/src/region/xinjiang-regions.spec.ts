import {
  findRegion,
  noticeRegionFor,
  REGION_LEVEL,
  REGIONS,
  XINJIANG_PREFECTURES,
} from './xinjiang-regions';

describe('findRegion', () => {
  it('finds a prefecture by its GB/T 2260 code', () => {
    expect(findRegion('6532')).toEqual({
      code: '6532',
      name: '和田地区',
      level: REGION_LEVEL.PREFECTURE,
    });
    expect(findRegion('6530')?.name).toBe('克孜勒苏柯尔克孜自治州');
  });

  it('finds the autonomous region itself', () => {
    expect(findRegion('65')?.level).toBe(REGION_LEVEL.AUTONOMOUS_REGION);
  });

  it('answers null for a code outside Xinjiang or malformed', () => {
    expect(findRegion('1101')).toBeNull();
    expect(findRegion('')).toBeNull();
    expect(findRegion('6532 ')).toBeNull();
  });
});

describe('XINJIANG_PREFECTURES', () => {
  it('lists the 14 prefecture-level divisions once each, all under 65', () => {
    expect(XINJIANG_PREFECTURES).toHaveLength(14);
    expect(new Set(REGIONS.map((region) => region.code)).size).toBe(REGIONS.length);
    expect(XINJIANG_PREFECTURES.every((region) => /^65\d{2}$/.test(region.code))).toBe(true);
  });
});

describe('noticeRegionFor', () => {
  it("reads a 推荐自治区评审 application against the autonomous region's notice", () => {
    expect(noticeRegionFor('6532', 'region')).toBe('65');
    expect(noticeRegionFor('6531', 'region')).toBe('65');
  });

  it("reads a prefecture-directed application against its own prefecture's notice", () => {
    expect(noticeRegionFor('6532', 'prefecture_directed')).toBe('6532');
    expect(noticeRegionFor('6531', 'prefecture_directed')).toBe('6531');
  });

  it('treats an unknown route as a prefecture one', () => {
    expect(noticeRegionFor('6501', 'something_else')).toBe('6501');
  });
});
