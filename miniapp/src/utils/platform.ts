// Every TARO_ENV branch lives here.
export const isH5 = (): boolean => process.env.TARO_ENV === 'h5';

// Only the WeChat build can sign in with Taro.login; every other build uses the development login.
export const isWeapp = (): boolean => process.env.TARO_ENV === 'weapp';
