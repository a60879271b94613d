import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { WEAPP_DIR, assertWeappBuilt } from '../support/weapp-dist';
import { comparePrivacy, describeReport, findScopedUses, usesOf } from './privacy-scan';
import type { PrivacyDeclaration, ScopedUse } from './privacy-scan';

const DECLARATION_PATH = join(__dirname, '..', '..', 'privacy', 'privacy-declaration.json');
const declaration = JSON.parse(readFileSync(DECLARATION_PATH, 'utf8')) as PrivacyDeclaration;

const entry = (api: string, infoType: string): PrivacyDeclaration['apis'][number] => ({
  api,
  infoType,
  purpose: { 'zh-CN': '用途', ug: 'مەقسەت' },
});

describe('privacy declaration against the weapp build', () => {
  it('should declare every privacy-scoped API the build calls, and nothing else', () => {
    assertWeappBuilt();
    const report = comparePrivacy(declaration, findScopedUses(WEAPP_DIR));

    expect(describeReport(report)).toBe('');
  });

  it('should find the scoped APIs the app is known to call, in their subpackages', () => {
    const uses = findScopedUses(WEAPP_DIR);

    expect(uses).toEqual(
      expect.arrayContaining([
        { api: 'saveImageToPhotosAlbum', files: ['packages/applicant/pages/certificate/index.js'] },
        { api: 'addPhoneCalendar', files: ['packages/applicant/pages/calendar/index.js'] },
        { api: 'chooseMessageFile', files: ['packages/office/pages/console/index.js'] },
      ]),
    );
  });
});

describe(comparePrivacy.name, () => {
  const calendarUse: ScopedUse = { api: 'addPhoneCalendar', files: ['calendar/index.js'] };

  it('should report a scoped API that is called but not declared', () => {
    const report = comparePrivacy({ apis: [] }, [calendarUse]);

    expect(report.undeclared).toEqual([calendarUse]);
    expect(describeReport(report)).toContain(
      'addPhoneCalendar (日历) is called in calendar/index.js',
    );
  });

  it('should report a declared API that the code no longer calls (stale declaration)', () => {
    const report = comparePrivacy(
      { apis: [entry('addPhoneCalendar', '日历'), entry('getClipboardData', '剪切板')] },
      [calendarUse],
    );

    expect(report.stale).toEqual(['getClipboardData']);
    expect(report.undeclared).toEqual([]);
    expect(describeReport(report)).toContain('getClipboardData is declared');
  });

  it('should report an entry with the wrong information type or no purpose', () => {
    const noPurpose = { ...entry('chooseMessageFile', '选中的文件'), purpose: { 'zh-CN': ' ' } };

    const report = comparePrivacy(
      { apis: [entry('addPhoneCalendar', '相册（仅写入）权限'), noPurpose] },
      [calendarUse, { api: 'chooseMessageFile', files: ['console/index.js'] }],
    );

    expect(report.misdeclared).toEqual(['addPhoneCalendar', 'chooseMessageFile']);
  });

  it('should accept a declaration that matches the code', () => {
    const report = comparePrivacy({ apis: [entry('addPhoneCalendar', '日历')] }, [calendarUse]);

    expect(report).toEqual({ undeclared: [], stale: [], misdeclared: [] });
  });
});

describe(usesOf.name, () => {
  it.each([
    ['wx.getClipboardData({success})', 'getClipboardData'],
    ['u().saveImageToPhotosAlbum({filePath:r})', 'saveImageToPhotosAlbum'],
    ['o()["chooseMedia"]({count:1})', 'chooseMedia'],
    ['(0,h.jsx)(a.Button,{openType:"getPhoneNumber"})', 'getPhoneNumber'],
  ])('should see a use in %s', (source, api) => {
    expect(usesOf(source, api)).toBe(true);
  });

  it.each([
    ['"removeTabBarBadge","saveImageToPhotosAlbum","scanCode"', 'saveImageToPhotosAlbum'],
    ['wx.setClipboardData({data})', 'getClipboardData'],
    ['wx.addPhoneCalendarX()', 'addPhoneCalendar'],
  ])('should not take %s for a use', (source, api) => {
    expect(usesOf(source, api)).toBe(false);
  });
});
