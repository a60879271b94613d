import { publicApi } from '../support/api-sample';
import {
  readBaseTemplate,
  renderedAttributes,
  templateAttributes,
} from '../support/weapp-template';
import { renderPage, waitUntil } from '../support/weapp-simulator';
import type { RenderedPage, TaroNode } from '../support/weapp-simulator';
import { rememberedPreferences } from '../support/wx-mock';

const HOME = 'pages/index/index';

const textOf = (node: TaroNode): string =>
  (node.v ?? '') + (node.cn ?? []).map((child) => textOf(child)).join('');

// What a screen reader announces as the control's name: its aria-label, else its text.
const accessibleName = (attributes: Record<string, unknown>, node: TaroNode): string => {
  const label = attributes['aria-label'];
  return (typeof label === 'string' ? label : textOf(node)).trim();
};

// The node numbers Taro gives its components are the runtime's own; templates are found through
// a node the page actually rendered.
const attributeNames = (wxml: string, nodeName: string): string[] =>
  templateAttributes(wxml, nodeName).map((attribute) => attribute.name);

describe('accessibility attributes (weapp build)', () => {
  let wxml: string;
  let home: RenderedPage;

  const nodeById = (page: RenderedPage, id: string): TaroNode => {
    const node = page.findNode((candidate) => candidate.uid === id);
    if (!node) throw new Error(`#${id} is not in the page's tree`);
    return node;
  };

  beforeAll(async () => {
    wxml = readBaseTemplate();
    home = await renderPage(HOME, { respond: publicApi, storage: rememberedPreferences('zh-CN') });
    await home.waitForId('nav-grid');
  });

  describe('base.wxml', () => {
    it('should bind the ARIA attributes WeChat reads on a tappable view', () => {
      const tile = nodeById(home, 'nav-application');

      expect(attributeNames(wxml, String(tile.nn))).toEqual(
        expect.arrayContaining(['aria-role', 'aria-label', 'aria-hidden', 'aria-checked', 'dir']),
      );
      // Under WeChat's name for the role, never the browser's.
      expect(attributeNames(wxml, String(tile.nn))).not.toContain('role');
    });

    it.each(['view', 'text', 'button'])(
      'should carry aria-label and aria-role bindings in every %s template',
      (tag) => {
        const elements = [...wxml.matchAll(new RegExp(`<${tag} ([^>]*)>`, 'g'))].map(
          (match) => match[1] ?? '',
        );
        // Pure and click-only views carry no props at all, and the catchMove view is left bare on
        // purpose (config/weapp-accessibility-plugin.js).
        const bound = elements.filter(
          (attributes) => !/^style=/.test(attributes) && !attributes.includes('catchtouchmove'),
        );

        expect(bound.length).toBeGreaterThan(0);
        for (const attributes of bound) {
          expect(attributes).toMatch(/ aria-label="\{\{i\.p\d+\}\}"/);
          expect(attributes).toMatch(/aria-role="\{\{i\.p\d+\}\}"/);
        }
      },
    );

    it('should carry dir on the views', () => {
      expect(wxml).toMatch(/<view [^>]*dir="\{\{i\.p\d+\}\}"/);
    });

    it('should give inputs the textbox role VoiceOver needs for their label', () => {
      expect(wxml).toMatch(/<input [^>]*aria-role="\{\{i\.p\d+\|\|'textbox'\}\}"/);
    });
  });

  describe('home page', () => {
    it.each([
      'nav-application',
      'nav-todo',
      'nav-fee',
      'nav-inbox',
      'nav-calendar',
      'nav-certificate',
      'nav-me',
    ])('should render #%s as a link with its name', (id) => {
      const node = nodeById(home, id);
      const attributes = renderedAttributes(wxml, node);

      expect(attributes['aria-role']).toBe('link');
      expect(accessibleName(attributes, node)).not.toBe('');
    });

    it('should name the tab bar and render each tab as a link with its name', () => {
      expect(renderedAttributes(wxml, nodeById(home, 'tab-bar'))).toMatchObject({
        'aria-role': 'navigation',
        'aria-label': expect.any(String),
      });
      for (const tab of ['home', 'progress', 'inbox', 'me']) {
        const node = nodeById(home, `tab-${tab}`);
        const attributes = renderedAttributes(wxml, node);

        expect(attributes['aria-role']).toBe('link');
        expect(accessibleName(attributes, node)).not.toBe('');
      }
      expect(renderedAttributes(wxml, nodeById(home, 'tab-home'))['aria-current']).toBe('page');
    });

    it('should set dir ltr on the page root in Chinese', () => {
      expect(renderedAttributes(wxml, nodeById(home, 'home')).dir).toBe('ltr');
    });

    it('should set dir rtl on the page root in Uyghur', async () => {
      const page = await renderPage(HOME, {
        respond: publicApi,
        storage: rememberedPreferences('ug'),
      });
      await page.waitForId('nav-grid');

      // The Uyghur catalogue arrives from the applicant subpackage, then the page turns.
      await waitUntil(
        () => renderedAttributes(wxml, nodeById(page, 'home')).dir === 'rtl',
        'dir rtl on the home page root',
      );
      expect(renderedAttributes(wxml, nodeById(page, 'home')).dir).toBe('rtl');
    });
  });
});
