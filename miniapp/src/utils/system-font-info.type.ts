// What WeChat says about the font size the user set in WeChat (wx.getAppBaseInfo; Taro's types
// leave the scale factor out). fontSizeSetting is in px, 17 at the standard size on iOS and 16
// on Android; fontSizeScaleFactor is 1 at the standard size.
export interface SystemFontInfo {
  fontSizeScaleFactor?: unknown;
  fontSizeSetting?: unknown;
}
