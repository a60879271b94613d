// Every TARO_ENV branch lives here.
export const isH5 = (): boolean => process.env.TARO_ENV === 'h5';
