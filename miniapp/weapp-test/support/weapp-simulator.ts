import { join } from 'node:path';

import type { Component, RootComponent } from 'j-component';
import type * as SimulateApi from 'miniprogram-simulate';

import { WEAPP_DIR, assertWeappBuilt } from './weapp-dist';
import { installWxMock } from './wx-mock';
import type { WxMock, WxMockOptions } from './wx-mock';

type Simulate = typeof SimulateApi;
type AnyComponent = Component<
  Record<string, unknown>,
  Record<string, never>,
  Record<string, never>
>;
type AnyRootComponent = RootComponent<
  Record<string, unknown>,
  Record<string, never>,
  Record<string, never>
>;
type Lifecycle = (this: PageInstance, ...args: unknown[]) => unknown;
interface PageInstance {
  route: string;
  __route__: string;
  options: Record<string, string>;
}
interface AppConfig {
  onLaunch?: (options: unknown) => void;
  onShow?: (options: unknown) => void;
}

const globals = globalThis as unknown as Record<string, unknown>;

// Taro emits each page as `Page(config)`; the simulator only loads components. This shim turns
// the page into a component whose `attached` runs the page lifecycle, with the route and query
// a real page instance would carry.
function installPageShim(simulateComponent: (options: unknown) => void): {
  setNextPage: (route: string, query: Record<string, string>) => void;
  getApp: () => AppConfig;
} {
  let app: AppConfig = {};
  let next: { route: string; query: Record<string, string> } = { route: '', query: {} };
  const pages: PageInstance[] = [];
  globals.App = (config: AppConfig) => {
    app = config;
  };
  globals.getApp = () => app;
  globals.getCurrentPages = () => pages;
  globals.requirePlugin = () => ({});
  globals.Page = (config: Record<string, unknown>) => {
    const { route, query } = next;
    const methods: Record<string, Lifecycle> = {};
    for (const [key, value] of Object.entries(config)) {
      if (typeof value === 'function') methods[key] = value as Lifecycle;
    }
    simulateComponent({
      data: config.data ?? {},
      methods,
      lifetimes: {
        attached(this: PageInstance) {
          this.route = route;
          this.__route__ = route;
          this.options = query;
          pages.push(this);
          methods.onLoad?.call(this, query);
          methods.onShow?.call(this);
          methods.onReady?.call(this);
        },
      },
    });
  };
  return {
    setNextPage: (route, query) => {
      next = { route, query };
    },
    getApp: () => app,
  };
}

export interface RenderedPage {
  root: AnyRootComponent;
  wx: WxMock;
  // The element with this id (Taro renders the JSX `id` onto the view), or undefined.
  byId: (id: string) => AnyComponent | undefined;
  // Waits until the element is rendered (React commits after setData settles).
  waitForId: (id: string) => Promise<AnyComponent>;
  // Taro's own tree (`data.root`) as the page holds it: class names and ids per node.
  findNode: (predicate: (node: TaroNode) => boolean) => TaroNode | undefined;
  text: () => string;
}

export interface TaroNode {
  nn?: string;
  uid?: string;
  sid?: string;
  cl?: string;
  v?: string;
  cn?: TaroNode[];
  [attribute: string]: unknown;
}

export interface RenderPageOptions extends WxMockOptions {
  query?: Record<string, string>;
}

function walk(
  node: TaroNode | undefined,
  predicate: (node: TaroNode) => boolean,
): TaroNode | undefined {
  if (!node) return undefined;
  if (predicate(node)) return node;
  for (const child of node.cn ?? []) {
    const found = walk(child, predicate);
    if (found) return found;
  }
  return undefined;
}

export async function waitUntil<T>(read: () => T | undefined | null, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = read();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

// Loads the built app afresh (its stores read the language and large-text choice from storage
// once, at start) and renders one page of it, attached as WeChat would show it.
export async function renderPage(
  route: string,
  options: RenderPageOptions = {},
): Promise<RenderedPage> {
  assertWeappBuilt();
  jest.resetModules();
  delete globals.wx;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate') as Simulate;
  const wx = installWxMock(globals.wx as Record<string, unknown>, options);
  const shim = installPageShim(globals.Component as (options: unknown) => void);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(join(WEAPP_DIR, 'app.js'));
  shim.getApp().onLaunch?.({ path: route, query: options.query ?? {}, scene: 1001 });
  shim.getApp().onShow?.({ path: route, query: options.query ?? {}, scene: 1001 });
  shim.setNextPage(route, options.query ?? {});
  const id = simulate.load(join(WEAPP_DIR, route), { rootPath: WEAPP_DIR });
  const root = simulate.render(id) as unknown as AnyRootComponent;
  root.attach(document.createElement('parent-wrapper'));
  const byId = (elementId: string): AnyComponent | undefined =>
    root.querySelector(`#${elementId}`) as AnyComponent | undefined;
  return {
    root,
    wx,
    byId,
    waitForId: (elementId) => waitUntil(() => byId(elementId), `#${elementId} on ${route}`),
    findNode: (predicate) => walk(root.data.root as TaroNode, predicate),
    text: () => root.dom?.textContent ?? '',
  };
}
