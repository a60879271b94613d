import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';

import { zhCN } from './zh-CN';

export const DEFAULT_LOCALE = 'zh-CN';

void i18next.use(initReactI18next).init({
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  resources: { [DEFAULT_LOCALE]: { translation: zhCN } },
  interpolation: { escapeValue: false, prefix: '{', suffix: '}' },
  initAsync: false,
});

export function useT(): (key: string, values?: Record<string, string | number>) => string {
  const { t } = useTranslation();
  return (key, values) => t(key, values ?? {});
}
