import { APPLICATION_STATUS, APPLICATION_STATUS_LABEL } from './application-status';
import {
  KNOWN_PLATFORM_STATUS_LABELS,
  PLATFORM_STATUS_LABELS,
  parsePlatformStatus,
  platformStatusKey,
} from './platform-status';

describe('parsePlatformStatus', () => {
  it('reads every label and every wire value', () => {
    for (const status of Object.values(APPLICATION_STATUS)) {
      expect(parsePlatformStatus(APPLICATION_STATUS_LABEL[status])).toBe(status);
      expect(parsePlatformStatus(status)).toBe(status);
    }
  });

  it('reads the platform’s progressive forms and their synonyms', () => {
    expect(parsePlatformStatus('单位审核中')).toBe('employer_review');
    expect(parsePlatformStatus('单位审核')).toBe('employer_review');
    expect(parsePlatformStatus('待单位审核')).toBe('employer_review');
    expect(parsePlatformStatus('评审中')).toBe('evaluation_meeting');
    expect(parsePlatformStatus('正在评审')).toBe('evaluation_meeting');
    expect(parsePlatformStatus('评审阶段')).toBe('evaluation_meeting');
  });

  it('ignores full- and half-width spaces and brackets, and letter case', () => {
    expect(parsePlatformStatus(' 单位\u3000审核中 ')).toBe('employer_review');
    expect(parsePlatformStatus('【评审中】')).toBe('evaluation_meeting');
    expect(parsePlatformStatus('〔已接收材料〕')).toBe('materials_received');
    expect(parsePlatformStatus('MATERIALS_RECEIVED')).toBe('materials_received');
  });

  it('knows nothing else', () => {
    expect(parsePlatformStatus('审核中')).toBeNull();
    expect(parsePlatformStatus('')).toBeNull();
    expect(parsePlatformStatus('已完成')).toBeNull();
  });
});

describe('PLATFORM_STATUS_LABELS', () => {
  it('gives every status one label and maps every word to one status only', () => {
    expect(PLATFORM_STATUS_LABELS.map((entry) => entry.status).sort()).toEqual(
      Object.values(APPLICATION_STATUS).sort(),
    );
    const owner = new Map<string, string>();
    for (const { status, label, synonyms } of PLATFORM_STATUS_LABELS) {
      for (const word of [status, label, ...synonyms]) {
        const key = platformStatusKey(word);
        expect([key, owner.get(key) ?? status]).toEqual([key, status]);
        owner.set(key, status);
      }
    }
  });

  it('names the known labels for an error message', () => {
    expect(KNOWN_PLATFORM_STATUS_LABELS).toContain('已接收材料');
    expect(KNOWN_PLATFORM_STATUS_LABELS).toHaveLength(Object.keys(APPLICATION_STATUS).length);
  });
});

describe('platformStatusKey', () => {
  it('folds full-width forms and removes spaces and brackets', () => {
    expect(platformStatusKey(' 评审中（正在评审） ')).toBe('评审中(正在评审)');
  });
});
