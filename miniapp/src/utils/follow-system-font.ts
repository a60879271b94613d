import { preferences } from '../services/preferences';
import { taroStorage } from '../services/taro-storage';
import { followSystemFontSize } from './system-font-size';

// Imported once by app.ts, before any page reads the preferences: on WeChat, a user whose WeChat
// font is large starts in large text.
followSystemFontSize(preferences, taroStorage);
