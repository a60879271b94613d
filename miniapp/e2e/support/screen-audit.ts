import type { Page } from 'playwright-core';

// What a screen shows a reader, measured in the page: every visible text node with its size and
// its contrast against what is drawn behind it, every control with its size, clickable things
// that are not controls, and the document's width.

export interface TextFinding {
  text: string;
  fontSize: number;
  isBold: boolean;
  contrast: number;
}

export interface ControlFinding {
  label: string;
  height: number;
}

export interface ScreenMeasure {
  scrollWidth: number;
  texts: TextFinding[];
  controls: ControlFinding[];
  // Elements drawn as clickable (a pointer cursor, a NutUI button) that a screen reader does not
  // announce as a control.
  fakeControls: string[];
}

// Runs in the page (serialised by playwright): nothing from outside may be referenced.
export function measureScreen(): ScreenMeasure {
  type Rgba = [number, number, number, number];
  const parse = (value: string): Rgba => {
    const parts =
      /rgba?\(([^)]+)\)/
        .exec(value)?.[1]
        ?.split(/[\s,/]+/)
        .filter(Boolean) ?? [];
    const [r = 0, g = 0, b = 0, a = 1] = parts.map(Number);
    return [r, g, b, a];
  };
  const blend = (top: Rgba, under: Rgba, alpha: number): Rgba => [
    top[0] * alpha + under[0] * (1 - alpha),
    top[1] * alpha + under[1] * (1 - alpha),
    top[2] * alpha + under[2] * (1 - alpha),
    1,
  ];
  // WCAG 2 relative luminance.
  const luminance = ([r, g, b]: Rgba): number => {
    const channel = (c: number): number => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  // The nearest ancestor that paints a background; a gradient counts as each of its stops, and
  // a translucent colour is laid over what is under it.
  const backgroundsOf = (start: Element): Rgba[] => {
    const layers: Rgba[] = [];
    for (let el: Element | null = start; el; el = el.parentElement) {
      const style = getComputedStyle(el);
      const stops = (style.backgroundImage.match(/rgba?\([^)]+\)/g) ?? []).map(parse);
      if (stops.length > 0) return stops.map((stop) => blend(stop, [255, 255, 255, 1], stop[3]));
      const color = parse(style.backgroundColor);
      if (color[3] >= 1) {
        return [layers.reduceRight((under, layer) => blend(layer, under, layer[3]), color)];
      }
      if (color[3] > 0) layers.push(color);
    }
    return [
      layers.reduceRight((under, layer) => blend(layer, under, layer[3]), [255, 255, 255, 1]),
    ];
  };
  const opacityOf = (start: Element): number => {
    let opacity = 1;
    for (let el: Element | null = start; el; el = el.parentElement)
      opacity *= Number(getComputedStyle(el).opacity);
    return opacity;
  };
  const isShown = (el: Element): boolean =>
    el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) &&
    el.getBoundingClientRect().width > 0;

  const texts: TextFinding[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    const element = node.parentElement;
    if (!text || !element || !isShown(element)) continue;
    // Screen-reader-only text is clipped to one pixel: never seen, so never judged by its colour.
    if (element.closest('.tt-sr-only')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;
    const style = getComputedStyle(element);
    const color = parse(style.color);
    const contrasts = backgroundsOf(element).map((background) => {
      const shown = blend(color, background, color[3] * opacityOf(element));
      const [light, dark] = [luminance(shown), luminance(background)].sort((a, b) => b - a) as [
        number,
        number,
      ];
      return (light + 0.05) / (dark + 0.05);
    });
    texts.push({
      text: text.slice(0, 40),
      fontSize: parseFloat(style.fontSize),
      isBold: Number(style.fontWeight) >= 700 || style.fontWeight === 'bold',
      contrast: Math.round(Math.min(...contrasts) * 100) / 100,
    });
  }

  const CONTROL =
    '[role="button"], [role="link"], [role="checkbox"], [role="switch"], [role="radio"], [role="tab"], button, a[href]';
  const labelOf = (el: Element): string =>
    (el.id || el.getAttribute('aria-label') || el.textContent || el.className)
      .toString()
      .trim()
      .slice(0, 40);
  const controls = Array.from(document.querySelectorAll(CONTROL))
    .filter(isShown)
    // A link inside a sentence is exempt from the target size (WCAG 2.5.8 "inline").
    .filter((el) => getComputedStyle(el).display !== 'inline')
    .map((el) => ({
      label: labelOf(el),
      height: Math.round(el.getBoundingClientRect().height * 10) / 10,
    }));

  const NATIVE = `${CONTROL}, input, textarea, select, label, [role="combobox"], [role="textbox"], [role="option"], [role="menuitem"]`;
  const fakeControls = Array.from(document.querySelectorAll('body *'))
    .filter((el) => {
      if (!isShown(el) || el.closest(NATIVE)) return false;
      const isPointer = getComputedStyle(el).cursor === 'pointer';
      const parent = el.parentElement;
      // Only the outermost element of a clickable block: its children inherit the cursor.
      const isInherited = parent !== null && getComputedStyle(parent).cursor === 'pointer';
      return (isPointer && !isInherited) || el.classList.contains('nut-button');
    })
    .map(labelOf);

  return {
    scrollWidth: document.documentElement.scrollWidth,
    texts,
    controls,
    fakeControls,
  };
}

// WCAG 1.4.3: 4.5:1, or 3:1 for large text (≥ 18 pt, or ≥ 14 pt bold).
export const requiredContrast = (found: TextFinding): number =>
  found.fontSize >= 24 || (found.isBold && found.fontSize >= 18.66) ? 3 : 4.5;

export interface AxSummary {
  headings: string[];
  // "role: name" of each control, in document order.
  controls: string[];
  unnamed: string[];
}

const NAMED_ROLES = new Set([
  'button',
  'link',
  'textbox',
  'searchbox',
  'combobox',
  'checkbox',
  'switch',
  'radio',
  'tab',
  'spinbutton',
  'slider',
  'menuitem',
]);

interface AxNode {
  ignored?: boolean;
  backendDOMNodeId?: number;
  role?: { value?: string };
  name?: { value?: string };
}

// The accessibility tree as Chromium builds it (what a screen reader reads), hidden pages left
// out: their nodes are "ignored".
export async function accessibilityOf(page: Page): Promise<AxSummary> {
  const session = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await session.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    const summary: AxSummary = { headings: [], controls: [], unnamed: [] };
    // Which element it is, so a failure names it.
    const describe = async (backendNodeId: number | undefined): Promise<string> => {
      if (backendNodeId === undefined) return '';
      const { node } = (await session.send('DOM.describeNode', { backendNodeId })) as {
        node: { localName: string; attributes?: string[] };
      };
      const attributes = node.attributes ?? [];
      const attribute = (key: string): string => {
        const at = attributes.indexOf(key);
        return at < 0 ? '' : (attributes[at + 1] ?? '');
      };
      return `<${node.localName} id="${attribute('id')}" class="${attribute('class')}">`;
    };
    for (const node of nodes) {
      if (node.ignored) continue;
      const role = node.role?.value ?? '';
      const name = (node.name?.value ?? '').trim();
      if (role === 'heading') summary.headings.push(name);
      if (!NAMED_ROLES.has(role)) continue;
      summary.controls.push(`${role}: ${name}`);
      if (!name) summary.unnamed.push(`${role} ${await describe(node.backendDOMNodeId)}`);
    }
    return summary;
  } finally {
    await session.detach();
  }
}
