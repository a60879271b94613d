import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { WEAPP_DIR, assertWeappBuilt } from './weapp-dist';
import type { TaroNode } from './weapp-simulator';

// One attribute of a component template in base.wxml: its name as WeChat reads it, the short key
// Taro's runtime stores its value under (`p4`), and the default the template falls back to.
export interface TemplateAttribute {
  name: string;
  alias: string;
  fallback?: string;
}

export function readBaseTemplate(): string {
  assertWeappBuilt();
  return readFileSync(join(WEAPP_DIR, 'base.wxml'), 'utf8');
}

// The bound attributes of the element that template `tmpl_0_<nn>` renders, as Taro wrote them:
// `aria-label="{{i.p5}}"`, `aria-role="{{i.p18||'textbox'}}"`, `hover-stay-time="{{xs.b(i.p3,400)}}"`.
export function templateAttributes(wxml: string, nodeName: string): TemplateAttribute[] {
  const start = wxml.indexOf(`<template name="tmpl_0_${nodeName}">`);
  if (start === -1) throw new Error(`base.wxml has no template for node ${nodeName}`);
  const element = /<([a-z-]+)\s([^>]*)>/.exec(wxml.slice(start + 1 + '<template'.length));
  const attributes: TemplateAttribute[] = [];
  const pattern = /([a-z][a-z-]*)="\{\{(?:xs\.b\()?i\.(p\d+)(?:\|\||,)?'?([^'}),]*)'?\)?\}\}"/g;
  for (const [, name, alias, fallback] of (element?.[2] ?? '').matchAll(pattern)) {
    if (name && alias) attributes.push({ name, alias, ...(fallback ? { fallback } : {}) });
  }
  return attributes;
}

// What WeChat would set on the element drawn for this node of Taro's tree: each template
// attribute with the node's value (or the template's default).
export function renderedAttributes(wxml: string, node: TaroNode): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const { name, alias, fallback } of templateAttributes(wxml, String(node.nn))) {
    const value = node[alias] ?? fallback;
    if (value !== undefined && value !== '') result[name] = value;
  }
  return result;
}
