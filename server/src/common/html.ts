// Text from the database or a third party put into server-rendered HTML (the verify pages, the
// H5 first screen): every character that could open markup or close an attribute is escaped.
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
