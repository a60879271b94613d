import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// WeChat's privacy-scoped APIs and component capabilities (用户隐私保护指引, enforced since
// 2023-10-17), with the information type the admin console lists them under. Calling one that is
// not declared fails with errno 112 at run time, and review checks the declaration against the
// code.
export const SCOPED_APIS: Readonly<Record<string, string>> = {
  getUserProfile: '用户信息（微信昵称、头像）',
  getUserInfo: '用户信息（微信昵称、头像）',
  chooseAvatar: '用户信息（微信昵称、头像）',
  getLocation: '位置信息',
  getFuzzyLocation: '位置信息',
  chooseLocation: '位置信息',
  choosePoi: '位置信息',
  startLocationUpdate: '位置信息',
  startLocationUpdateBackground: '位置信息',
  chooseAddress: '地址',
  chooseInvoice: '发票信息',
  chooseInvoiceTitle: '发票（抬头）',
  getWeRunData: '微信运动步数',
  getPhoneNumber: '手机号',
  getRealtimePhoneNumber: '手机号',
  chooseLicensePlate: '车牌号',
  chooseImage: '选中的照片或视频信息',
  chooseMedia: '选中的照片或视频信息',
  chooseVideo: '选中的照片或视频信息',
  chooseMessageFile: '选中的文件',
  startRecord: '麦克风',
  getRecorderManager: '麦克风',
  joinVoIPChat: '麦克风',
  createCameraContext: '摄像头',
  createVKSession: '摄像头',
  openBluetoothAdapter: '蓝牙',
  createBLEPeripheralServer: '蓝牙',
  saveImageToPhotosAlbum: '相册（仅写入）权限',
  saveVideoToPhotosAlbum: '相册（仅写入）权限',
  addPhoneContact: '通讯录（仅写入）权限',
  addPhoneCalendar: '日历',
  addPhoneRepeatCalendar: '日历',
  getClipboardData: '剪切板',
};

// Button abilities that reach the same information through `open-type`.
const OPEN_TYPES = ['getPhoneNumber', 'getRealtimePhoneNumber', 'chooseAvatar', 'getUserInfo'];

export interface PrivacyDeclaration {
  apis: { api: string; infoType: string; purpose: Record<string, string>; usedBy?: string }[];
}

export interface ScopedUse {
  api: string;
  files: string[];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

const escape = (name: string): string => name.replace(/[$]/g, '\\$');

// A call site or reference: `wx.x`, Taro's `r().x(` and `Taro["x"](`, or a button's open-type.
// Taro's API table lists every name as a bare string ("x",), which is not a use.
export function usesOf(source: string, api: string): boolean {
  const member = new RegExp(`\\.${escape(api)}\\b|\\[["']${escape(api)}["']\\]`);
  if (member.test(source)) return true;
  if (!OPEN_TYPES.includes(api)) return false;
  return new RegExp(`open-?[tT]ype["']?\\s*[:=]\\s*["']${escape(api)}["']`).test(source);
}

// Every scoped API the built weapp uses, in all packages (main and subpackages).
export function findScopedUses(weappDir: string): ScopedUse[] {
  const sources = filesUnder(weappDir)
    .filter((file) => /\.(js|wxml)$/.test(file))
    .map((file) => ({ file: relative(weappDir, file), text: readFileSync(file, 'utf8') }));
  return Object.keys(SCOPED_APIS)
    .map((api) => ({
      api,
      files: sources.filter(({ text }) => usesOf(text, api)).map(({ file }) => file),
    }))
    .filter((use) => use.files.length > 0);
}

export interface PrivacyReport {
  // Used by the code, missing from the declaration: fails with errno 112 in WeChat.
  undeclared: ScopedUse[];
  // Declared but no longer used: review rejects a declaration that does not match the code.
  stale: string[];
  // Declared with an information type other than WeChat's, or without a purpose.
  misdeclared: string[];
}

export function comparePrivacy(
  declaration: PrivacyDeclaration,
  uses: readonly ScopedUse[],
): PrivacyReport {
  const declared = new Set(declaration.apis.map((entry) => entry.api));
  const used = new Set(uses.map((use) => use.api));
  return {
    undeclared: uses.filter((use) => !declared.has(use.api)),
    stale: [...declared].filter((api) => !used.has(api)),
    misdeclared: declaration.apis
      .filter(
        (entry) =>
          SCOPED_APIS[entry.api] !== entry.infoType ||
          !entry.purpose['zh-CN']?.trim() ||
          !entry.purpose.ug?.trim(),
      )
      .map((entry) => entry.api),
  };
}

export function describeReport(report: PrivacyReport): string {
  return [
    ...report.undeclared.map(
      (use) =>
        `${use.api} (${SCOPED_APIS[use.api] ?? '?'}) is called in ${use.files.join(', ')} but not declared in miniapp/privacy/privacy-declaration.json`,
    ),
    ...report.stale.map(
      (api) => `${api} is declared in miniapp/privacy/privacy-declaration.json but never called`,
    ),
    ...report.misdeclared.map(
      (api) =>
        `${api} needs information type "${SCOPED_APIS[api] ?? 'not a scoped API'}" and a purpose in zh-CN and ug`,
    ),
  ].join('\n');
}
