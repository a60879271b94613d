/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform Taro builds for (weapp, h5, …); read only in src/utils/platform.ts. */
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'harmony' | 'rn';
    /** Base URL of the TitleTrack API (e.g. /api for H5, https://…/api for weapp); read only in src/config.ts. */
    TARO_APP_API_BASE?: string;
  }
}
