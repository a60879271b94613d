import { createSessionStore } from './session-store';
import { taroStorage } from './taro-storage';

// The app's one session, kept in Taro storage so it survives restarts of the mini-program.
export const session = createSessionStore(taroStorage);
