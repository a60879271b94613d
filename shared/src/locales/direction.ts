// Uyghur is written right to left; the page root and, on H5, <html> carry the direction.
export const directionOf = (locale: string): 'rtl' | 'ltr' => (locale === 'ug' ? 'rtl' : 'ltr');
