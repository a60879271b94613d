import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';

import helmet from 'helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { API_PREFIX, APP_ENVIRONMENT } from '@titletrack/shared/contract';

import type { AppConfig } from '../config/env';

// What a browser may do with each kind of answer. The API answers JSON, files and images that
// are never pages: nothing may load from them or frame them. The verify pages are static HTML
// with one inline stylesheet and no script. The H5 app is the Taro build: its own scripts, the
// two inline scripts of its index.html (by hash) and inline styles.
export const RESPONSE_KIND = {
  API: 'api',
  API_DOCS: 'api_docs',
  VERIFY_PAGE: 'verify_page',
  H5: 'h5',
} as const;
export type ResponseKind = (typeof RESPONSE_KIND)[keyof typeof RESPONSE_KIND];

const API_PATH = new RegExp(`^/${API_PREFIX}(/|$)`);
const API_DOCS_PATH = new RegExp(`^/${API_PREFIX}/docs(/|$|\\.)`);
const VERIFY_PATH = /^\/verify(\/|$)/;

export function responseKindOf(url: string): ResponseKind {
  const path = url.split('?')[0] ?? '';
  if (API_DOCS_PATH.test(path)) return RESPONSE_KIND.API_DOCS;
  if (API_PATH.test(path)) return RESPONSE_KIND.API;
  if (VERIFY_PATH.test(path)) return RESPONSE_KIND.VERIFY_PAGE;
  return RESPONSE_KIND.H5;
}

type Directives = Record<string, string[]>;

const serialize = (directives: Directives): string =>
  Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');

const NOTHING: Directives = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

// A CSP hash source of an inline element's text, as the browser computes it: over the text as
// parsed, where the HTML parser has already turned CR LF and lone CR into LF.
export const cspHash = (text: string): string =>
  `'sha256-${createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('base64')}'`;

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;
// A data block (application/json, the first screen's data) is never run, so it needs no hash.
const RUNS_AS_SCRIPT = (attributes: string): boolean => {
  if (/\bsrc\s*=/i.test(attributes)) return false;
  const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
  return (
    type === undefined || type === 'module' || /^(text|application)\/(x-)?javascript$/.test(type)
  );
};

export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)]
    .filter((match) => RUNS_AS_SCRIPT(match[1] ?? ''))
    .map((match) => cspHash(match[2] ?? ''));
}

export const inlineStyleHashes = (html: string): string[] =>
  [...html.matchAll(INLINE_STYLE)].map((match) => cspHash(match[1] ?? ''));

export interface PolicyOptions {
  // production behind https: a stray http:// URL is fetched over https instead.
  isUpgradingInsecureRequests: boolean;
}

export function apiPolicy(): string {
  return serialize(NOTHING);
}

export function verifyPagePolicy(styleHashes: string[]): string {
  return serialize({
    ...NOTHING,
    'style-src': styleHashes.length > 0 ? styleHashes : ["'none'"],
  });
}

// Swagger UI: its scripts and stylesheet come from /api/docs, plus one inline <style>.
export function apiDocsPolicy(): string {
  return serialize({
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  });
}

export function h5Policy(scriptHashes: string[], options: PolicyOptions): string {
  return serialize({
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
    'script-src': ["'self'", ...scriptHashes],
    'script-src-attr': ["'none'"],
    // 'unsafe-inline' for styles only, and unavoidable: Taro's runtime and NutUI insert <style>
    // elements at run time, React and the first screen (its progress bar) set style
    // attributes, and none of them can carry a hash or nonce. Styles cannot run code.
    'style-src': ["'self'", "'unsafe-inline'"],
    // NutUI's icons are data: SVGs; calendar exports and QR codes may be blob: or data: URLs.
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    // The offline service worker (/sw.js). Stated although script-src would allow it, so that
    // tightening script-src can never silently stop the app from working offline.
    'worker-src': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    ...(options.isUpgradingInsecureRequests ? { 'upgrade-insecure-requests': [] } : {}),
  });
}

// How often the H5 build's index.html is looked at for a rebuild, as the first screen does.
const BUILD_CHECK_MS = 2_000;

// The H5 page's policy follows its build: the hashes of the inline scripts of index.html, read
// again when the file changes. Without a build there is no page, and the policy allows no inline
// script at all.
export class H5PolicySource {
  private built: { mtimeMs: number; policy: string } | null = null;
  private checkedAt = -Infinity;

  constructor(
    private readonly h5Dir: string,
    private readonly options: PolicyOptions,
  ) {}

  policy(nowMs = Date.now()): string {
    if (this.built === null || nowMs - this.checkedAt >= BUILD_CHECK_MS) {
      this.checkedAt = nowMs;
      this.built = this.read();
    }
    return this.built.policy;
  }

  private read(): { mtimeMs: number; policy: string } {
    const file = join(this.h5Dir, 'index.html');
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      return { mtimeMs: -1, policy: h5Policy([], this.options) };
    }
    if (this.built?.mtimeMs === mtimeMs) return this.built;
    return {
      mtimeMs,
      policy: h5Policy(inlineScriptHashes(readFileSync(file, 'utf8')), this.options),
    };
  }
}

const CSP_HEADER = 'content-security-policy';
const HSTS_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

type HeaderPairs = ReadonlyArray<readonly [string, string]>;

/**
 * Helmet's headers for these options, worked out once. They are the same on every answer, and
 * running helmet's middleware chain on each request (as its Fastify plugin does) took a quarter
 * of a bare server's throughput; setting the finished pairs costs a fraction of that. Helmet
 * stays the one that decides the headers and their values.
 */
export function helmetHeaderPairs(options: Parameters<typeof helmet>[0]): HeaderPairs {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: unknown) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, () => undefined);
  return [...headers];
}

// Helmet's headers that concern documents only: how a page shares its process and window, DNS
// prefetching, old Internet Explorer and Flash. A JSON answer, an image or a file download is
// never a document, so the API leaves them out: each header is bytes and work on every answer.
const DOCUMENT_ONLY_HEADERS: ReadonlySet<string> = new Set([
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
]);

/**
 * The browser-facing headers on every answer, errors included: a Content-Security-Policy per
 * kind of answer (above), nosniff, no framing (frame-ancestors and X-Frame-Options), no
 * Referer sent on, and in production HSTS. Helmet decides all but the CSP, which is ours because
 * it differs by path and, on the verify pages, by the page sent.
 *
 * Call it before compression is registered: the verify pages' style hashes are read from the
 * page in an onSend hook, which must see the text before it is gzipped.
 */
export function registerSecurityHeaders(
  app: NestFastifyApplication,
  config: Pick<AppConfig, 'environment' | 'h5Dir' | 'publicBaseUrl'>,
): void {
  const isProduction = config.environment === APP_ENVIRONMENT.PRODUCTION;
  const documentHeaders = helmetHeaderPairs({
    contentSecurityPolicy: false,
    // 180 days and this host only: we do not know what else runs under the parent domain.
    strictTransportSecurity: isProduction
      ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: false }
      : false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  });
  const h5 = new H5PolicySource(config.h5Dir, {
    isUpgradingInsecureRequests: isProduction && config.publicBaseUrl.startsWith('https://'),
  });
  const document = Object.fromEntries(documentHeaders);
  const api = Object.fromEntries(
    documentHeaders.filter(([name]) => !DOCUMENT_ONLY_HEADERS.has(name)),
  );
  // Each kind's finished headers, made once. The H5 page's follow its build: remade only when
  // the policy changes.
  const fixed: Record<Exclude<ResponseKind, 'h5'>, Record<string, string>> = {
    [RESPONSE_KIND.API]: { ...api, [CSP_HEADER]: apiPolicy() },
    [RESPONSE_KIND.API_DOCS]: { ...document, [CSP_HEADER]: apiDocsPolicy() },
    // The page's own hashes replace this once it is rendered (onSend below); an error answer
    // on a verify path keeps it.
    [RESPONSE_KIND.VERIFY_PAGE]: { ...document, [CSP_HEADER]: verifyPagePolicy([]) },
  };
  let h5Headers: Record<string, string> = { ...document, [CSP_HEADER]: h5.policy() };
  const headersOfH5 = (): Record<string, string> => {
    const policy = h5.policy();
    if (h5Headers[CSP_HEADER] !== policy) h5Headers = { ...document, [CSP_HEADER]: policy };
    return h5Headers;
  };
  const fastify = app.getHttpAdapter().getInstance();
  // On the reply, not the raw response: Node then writes them with Fastify's own in one pass
  // (headers already on the raw response make it set every header one by one). They stay on the
  // reply when the answer turns into an error.
  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done) => {
    const kind = responseKindOf(request.url);
    void reply.headers(kind === RESPONSE_KIND.H5 ? headersOfH5() : fixed[kind]);
    done();
  });
  // Only the verify pages' routes read their page: no hook on every other answer.
  fastify.addHook('onRoute', (route) => {
    if (responseKindOf(route.url) !== RESPONSE_KIND.VERIFY_PAGE) return;
    const own = route.onSend;
    route.onSend = [
      ...(own === undefined ? [] : Array.isArray(own) ? own : [own]),
      (_request: FastifyRequest, reply: FastifyReply, payload: unknown, done) => {
        if (
          typeof payload === 'string' &&
          String(reply.getHeader('content-type') ?? '').startsWith('text/html')
        )
          void reply.header(CSP_HEADER, verifyPagePolicy(inlineStyleHashes(payload)));
        done(null, payload);
      },
    ];
  });
}
