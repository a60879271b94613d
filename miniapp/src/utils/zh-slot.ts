// Chinese data (a name, an office's note) inside a translated sentence travels as a slot that the
// screen replaces with a Chinese-marked element, so the sentence around it stays in its language.
export const ZH_SLOT = /\uE000(\w+)\uE001/;

export const zhSlot = (name: string): string => `\uE000${name}\uE001`;

// The values to fill in: in right-to-left Uyghur, Chinese data becomes a slot (recorded in `zh`);
// in Chinese it is the text itself.
export function zhValues(
  values: Readonly<Record<string, string>>,
  isRtl: boolean,
): { values: Record<string, string>; zh: Record<string, string> } {
  if (!isRtl) return { values: { ...values }, zh: {} };
  const slots: Record<string, string> = {};
  for (const name of Object.keys(values)) slots[name] = zhSlot(name);
  return { values: slots, zh: { ...values } };
}
