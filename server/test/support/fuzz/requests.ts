import { createHash } from 'node:crypto';

import { getMetadataStorage } from 'class-validator';
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';

import { API_PREFIX, API_ROUTES } from '@titletrack/shared/contract';

import { signWebhook } from '../../../src/modules/mirror/webhook-signature';
import type { WriteRoute } from './routes';

// One fuzzed request, ready for Fastify's inject, and the fault that makes it a refusal.
export interface FuzzRequest {
  fault: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

export interface FuzzCredentials {
  // Bearer tokens of the signed-in principals, by a name for the report.
  tokens: Record<string, string>;
  webhookSecret: string;
  wechatPushToken: string;
}

// Routes whose callers prove themselves by a signature rather than a bearer token.
export const SIGNED_ROUTES = {
  platformEvents: `/${API_PREFIX}${API_ROUTES.platformEvents}`,
  wechatPush: `/${API_PREFIX}${API_ROUTES.wechatPush}`,
} as const;

const JSON_BODY_LIMIT_BYTES = 256 * 1024;

// Every property any request DTO declares: bodies put wrong values under real names, so the
// transformers and validators see them, and not just an unknown key. Read when the first value
// is drawn, after the application's modules (and their DTOs) are loaded.
let fieldNames: string[] | null = null;
function declaredFieldNames(): string[] {
  if (fieldNames === null) {
    const storage = getMetadataStorage() as unknown as {
      validationMetadatas: Map<unknown, { propertyName: string }[]>;
    };
    const names = [...storage.validationMetadatas.values()].flat().map((meta) => meta.propertyName);
    fieldNames = [...new Set(names)].sort();
    if (fieldNames.length === 0) throw new Error('No DTO is loaded yet');
  }
  return fieldNames;
}
const fieldName: Arbitrary<string> = fc
  .constant(null)
  .chain(() => fc.constantFrom(...declaredFieldNames()));

const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\uD800',
  '\uDFFF',
  '\u202Eevil',
  '\uFEFF1',
  '\u200B',
  'ＡＢＣ１２３',
  '١٢٣٤',
  '𝟙𝟚𝟛',
  'ئۇيغۇرچە',
  '阿依古丽·买买提',
  '👩‍👩‍👧‍👦',
  'e\u0301',
  '../../etc/passwd',
  "' OR '1'='1",
  '"; DROP TABLE application; --',
  '<script>alert(1)</script>',
  '${7*7}',
  'null',
  'true',
  '1e309',
  '-0',
  'NaN',
  '0x1F',
  '2023-02-30T25:61:00Z',
  '9'.repeat(400),
  'x'.repeat(70_000),
];

const printable = fc.string({
  unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)),
  maxLength: 80,
});

const oddString: Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);

const oddNumber: Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 1.5, 1e300, -1e300, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, 2 ** 63),
);

// Any JSON value, with strings and numbers from the odd end.
const junk: Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    oddString,
    oddNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fieldName, printable), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value;

// Real field names with wrong values, plus one key no DTO declares.
const objectWithUnknownField: Arbitrary<string> = fc
  .record({
    known: fc.dictionary(fieldName, junk, { maxKeys: 6 }),
    unknownKey: fc.oneof(
      printable.map((key) => `fuzz_${key}`),
      fc.constantFrom('fuzz', 'fuzz.nested', 'fuzz[0]', 'fuzz\u0000'),
    ),
    unknownValue: junk,
  })
  .map(({ known, unknownKey, unknownValue }) =>
    JSON.stringify({ ...known, [unknownKey]: unknownValue }),
  );

const prototypePoisoning = fc.constantFrom(
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
);

const malformedJson: Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 60 }).filter((text) => {
    try {
      // Fastify's parser drops a leading byte order mark, as JSON.parse does not.
      JSON.parse(text.replace(/^\uFEFF/, ''));
      return false;
    } catch {
      return true;
    }
  }),
  junk
    .map((value) => JSON.stringify({ fuzz: value }))
    .chain((text) =>
      fc.integer({ min: 1, max: Math.max(1, text.length - 1) }).map((cut) => text.slice(0, cut)),
    ),
  fc.constantFrom('{', '[', '{"a":}', "{'a':1}", '{"a":1,}', 'undefined', 'NaN', '\uFEFF{'),
);

const tooDeep: Arbitrary<string> = fc
  .record({ depth: fc.integer({ min: 40, max: 20_000 }), open: fc.constantFrom('[', '{"a":') })
  .map(({ depth, open }) => {
    const close = open === '[' ? ']' : '}';
    return open.repeat(depth) + close.repeat(depth);
  });

const tooLarge: Arbitrary<string> = fc
  .integer({ min: JSON_BODY_LIMIT_BYTES + 1, max: JSON_BODY_LIMIT_BYTES + 64 * 1024 })
  .map((size) => JSON.stringify({ fuzz: 'x'.repeat(size) }));

const notAnObject: Arbitrary<string> = fc
  .oneof(fc.array(junk, { maxLength: 5 }), oddString, oddNumber, fc.boolean(), fc.constant(null))
  .map((value) => JSON.stringify(value));

const OTHER_MEDIA_TYPES = [
  'application/xml',
  'text/xml',
  'text/html',
  'application/octet-stream',
  'image/png',
  'application/jsonp',
  'application/x-fuzz',
  'multipart/mixed; boundary=x',
];

interface Body {
  kind: string;
  contentType?: string;
  payload?: string | Buffer;
}

// Bodies that no handler's DTO can accept.
const refusedJsonBody: Arbitrary<Body> = fc
  .oneof(
    {
      weight: 6,
      arbitrary: objectWithUnknownField.map((payload) => ({ kind: 'unknown-field', payload })),
    },
    { weight: 1, arbitrary: prototypePoisoning.map((payload) => ({ kind: 'proto-key', payload })) },
    { weight: 3, arbitrary: malformedJson.map((payload) => ({ kind: 'malformed-json', payload })) },
    { weight: 1, arbitrary: tooDeep.map((payload) => ({ kind: 'too-deep', payload })) },
    { weight: 1, arbitrary: tooLarge.map((payload) => ({ kind: 'too-large', payload })) },
  )
  .map((body) => ({ contentType: 'application/json', ...body }));

const otherMediaBody: Arbitrary<Body> = fc
  .record({ contentType: fc.constantFrom(...OTHER_MEDIA_TYPES), payload: oddString })
  .map(({ contentType, payload }) => ({ kind: 'media-type', contentType, payload }));

const formEncodedBody: Arbitrary<Body> = fc
  .dictionary(fieldName, oddString, { maxKeys: 4 })
  .map((fields) => ({
    kind: 'form-encoded',
    contentType: 'application/x-www-form-urlencoded',
    payload: new URLSearchParams({ ...fields, fuzz_form: '1' }).toString(),
  }));

// Bodies that are not objects: refused by every DTO, even one whose fields are all optional.
const scalarBody: Arbitrary<Body> = fc.oneof(
  notAnObject.map((payload) => ({
    kind: 'not-an-object',
    contentType: 'application/json',
    payload,
  })),
  oddString.map((payload) => ({ kind: 'text-plain', contentType: 'text/plain', payload })),
);

// Any body at all, for requests refused for another reason (their caller, a parameter).
const anyBody: Arbitrary<Body> = fc.oneof(
  junk.map((value) => ({
    kind: 'json',
    contentType: 'application/json',
    payload: JSON.stringify(value),
  })),
  refusedJsonBody,
  fc.constant({ kind: 'none' }),
);

const SEGMENT_VALUES = { id: '1', shareId: '1', regionCode: '6532', year: '2023' };

// A path parameter no route accepts: not a number, or a number out of every range.
const badSegment: Arbitrary<string> = fc.oneof(
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
    .filter((text) => /[^0-9]/.test(text)),
  fc.constantFrom(
    '-1',
    '1.5',
    '1e3',
    ' 1',
    '0x1f',
    '１２',
    '١',
    'null',
    '..',
    '%',
    '99999999999999999999',
    '0'.repeat(600),
  ),
);

const fillPath = (path: string, values: Record<string, string>): string =>
  path.replace(/:(\w+)/g, (_all, name: string) =>
    encodeURIComponent(values[name] ?? SEGMENT_VALUES[name as keyof typeof SEGMENT_VALUES] ?? '1'),
  );

const address = fc.ipV4();

function authArbitraries(credentials: FuzzCredentials, admitted: readonly string[]) {
  const names = Object.keys(credentials.tokens);
  const bearer = (name: string) => ({ Authorization: `Bearer ${credentials.tokens[name] ?? ''}` });
  // Mostly a principal the route admits, so the request gets past the guard to the pipes and
  // the handler; sometimes another one.
  const signedIn: Arbitrary<Record<string, string>> = fc.oneof(
    {
      weight: admitted.length > 0 ? 4 : 0,
      arbitrary: fc.constantFrom(...(admitted.length > 0 ? admitted : names)).map(bearer),
    },
    { weight: 1, arbitrary: fc.constantFrom(...names).map(bearer) },
  );
  const refused: Arbitrary<Record<string, string>> = fc.oneof(
    fc.constant({}),
    printable.map((token) => ({ Authorization: `Bearer ${token}` })),
    fc.constantFrom(
      { Authorization: 'Bearer' },
      { Authorization: 'Bearer ' },
      { Authorization: 'Basic YWRtaW46YWRtaW4=' },
      { Authorization: `Bearer ${'a'.repeat(5000)}` },
    ),
    // A real token one character off, or cut short.
    fc
      .record({ name: fc.constantFrom(...names), at: fc.nat(), cut: fc.boolean() })
      .map(({ name, at, cut }) => {
        const token = credentials.tokens[name] ?? '';
        const i = at % Math.max(1, token.length);
        const changed = cut
          ? token.slice(0, i)
          : token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
        return { Authorization: `Bearer ${changed}` };
      }),
  );
  return { signedIn, refused, any: fc.oneof({ weight: 6, arbitrary: signedIn }, refused) };
}

const request = (
  fault: string,
  route: WriteRoute,
  url: string,
  headers: Record<string, string>,
  body: Body,
): FuzzRequest => ({
  fault: `${fault}:${body.kind}`,
  method: route.method,
  url,
  headers: { ...headers, ...(body.contentType ? { 'content-type': body.contentType } : {}) },
  ...(body.payload === undefined ? {} : { payload: body.payload }),
});

// A multipart form, written out by hand so it can be broken anywhere.
function multipart(
  boundary: string,
  parts: { name: string; fileName?: string; content: string | Uint8Array }[],
): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      part.fileName === undefined
        ? `form-data; name="${part.name}"`
        : `form-data; name="${part.name}"; filename="${part.fileName}"`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`));
    chunks.push(Buffer.from(part.content));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

const FILE_NAMES = [
  'export.xlsx',
  'export.csv',
  'export.xls',
  'notice.docx',
  'notice.pdf',
  'notice.txt',
  'x',
  '..\\..\\a.xlsx',
  '报名表.xlsx',
];
const ZIP_HEADER = Uint8Array.from([0x50, 0x4b, 0x03, 0x04]);
const fileBytes: Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }),
  fc.uint8Array({ maxLength: 2048 }).map((rest) => Uint8Array.from([...ZIP_HEADER, ...rest])),
  oddString.map((text) => Buffer.from(text)),
);

// Upload forms that the route refuses: broken framing, the file under another name, an unknown
// field beside it, or no file at all.
function refusedForm(): Arbitrary<Body> {
  const boundary = 'fuzzBoundary7MA4YWxk';
  const type = `multipart/form-data; boundary=${boundary}`;
  return fc.oneof(
    fileBytes.map((bytes) => ({
      kind: 'multipart-garbage',
      contentType: type,
      payload: Buffer.from(bytes),
    })),
    fc
      .record({
        header: fc.constantFrom(
          'multipart/form-data',
          'multipart/form-data; boundary=',
          'multipart/form-data; boundary="unterminated',
        ),
        bytes: fileBytes,
      })
      .map(({ header, bytes }) => ({
        kind: 'multipart-no-boundary',
        contentType: header,
        payload: Buffer.from(bytes),
      })),
    fc
      .record({
        name: printable.filter((name) => name !== 'file' && name.length > 0 && !name.includes('"')),
        fileName: fc.constantFrom(...FILE_NAMES),
        bytes: fileBytes,
      })
      .map(({ name, fileName, bytes }) => ({
        kind: 'multipart-wrong-field',
        contentType: type,
        payload: multipart(boundary, [{ name, fileName, content: bytes }]),
      })),
    fc
      .record({ fileName: fc.constantFrom(...FILE_NAMES), bytes: fileBytes, value: oddString })
      .map(({ fileName, bytes, value }) => ({
        kind: 'multipart-unknown-field',
        contentType: type,
        payload: multipart(boundary, [
          { name: 'fuzz_field', content: value },
          { name: 'file', fileName, content: bytes },
        ]),
      })),
    fc
      .record({ fileName: fc.constantFrom(...FILE_NAMES), bytes: fileBytes, cut: fc.nat() })
      .map(({ fileName, bytes, cut }) => {
        const whole = multipart(boundary, [{ name: 'file', fileName, content: bytes }]);
        return {
          kind: 'multipart-truncated',
          contentType: type,
          payload: whole.subarray(0, cut % whole.length),
        };
      }),
    fc.constant({ kind: 'multipart-no-file', contentType: type, payload: multipart(boundary, []) }),
    // The file where the route wants it, alone: the bytes reach the route's reader (a broken
    // zip, random bytes, odd text), which must refuse them.
    fc
      .record({ fileName: fc.constantFrom(...FILE_NAMES), bytes: fileBytes })
      .map(({ fileName, bytes }) => ({
        kind: 'multipart-garbage-file',
        contentType: type,
        payload: multipart(boundary, [{ name: 'file', fileName, content: bytes }]),
      })),
  );
}

function platformEventDelivery(
  route: WriteRoute,
  credentials: FuzzCredentials,
): Arbitrary<FuzzRequest> {
  const now = () => Math.floor(Date.now() / 1000);
  const sign = (secret: string, timestamp: string, raw: string) =>
    signWebhook(secret, timestamp, Buffer.from(raw));
  const event = fc.oneof(
    junk.map((value) => JSON.stringify(value)),
    fc
      .record({
        id: printable,
        occurredAt: fc.date({ noInvalidDate: true }),
        status: fc.constantFrom('submitted', 'certificate_issued', 'withdrawn'),
      })
      .map(({ id, occurredAt, status }) =>
        JSON.stringify({
          id: `fuzz-${id}`,
          type: 'application.status_changed',
          occurredAt: occurredAt.toISOString(),
          data: {
            applicationNo: 'FUZZ1',
            applicantName: '王建国',
            status,
            statusChangedAt: occurredAt.toISOString(),
            year: 2023,
          },
        }),
      ),
  );
  const headers = fc.oneof(
    fc.constant((_raw: string) => ({ kind: 'unsigned', headers: {} })),
    fc
      .record({ timestamp: printable, signature: printable })
      .map(({ timestamp, signature }) => (_raw: string) => ({
        kind: 'garbage-signature',
        headers: { 'x-platform-timestamp': timestamp, 'x-platform-signature': signature },
      })),
    fc.constant((raw: string) => {
      const timestamp = String(now());
      return {
        kind: 'wrong-secret',
        headers: {
          'x-platform-timestamp': timestamp,
          'x-platform-signature': sign(`${credentials.webhookSecret}x`, timestamp, raw),
        },
      };
    }),
    fc.integer({ min: 301, max: 10 ** 9 }).map((age) => (raw: string) => {
      const timestamp = String(now() - age);
      return {
        kind: 'stale',
        headers: {
          'x-platform-timestamp': timestamp,
          'x-platform-signature': sign(credentials.webhookSecret, timestamp, raw),
        },
      };
    }),
    fc.constant((raw: string) => {
      const timestamp = String(now());
      return {
        kind: 'other-body',
        headers: {
          'x-platform-timestamp': timestamp,
          'x-platform-signature': sign(credentials.webhookSecret, timestamp, `${raw} `),
        },
      };
    }),
  );
  const badlySigned = fc
    .record({
      raw: event,
      signed: headers,
      contentType: fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'text/plain',
      ),
      from: address,
    })
    .map(({ raw, signed, contentType, from }) => {
      const { kind, headers: signature } = signed(raw);
      return {
        fault: `signature:${kind}`,
        method: route.method,
        url: route.path,
        headers: { ...signature, 'content-type': contentType, 'x-forwarded-for': from },
        payload: raw,
      };
    });
  // Signed rightly, now, but no event: its `type` is not a string, so the platform's payload
  // reader is reached and must refuse it without recording anything.
  const signedMalformed = fc
    .record({
      fields: fc.dictionary(fieldName, junk, { maxKeys: 6 }),
      type: junk.filter((value) => typeof value !== 'string'),
      from: address,
    })
    .map(({ fields, type, from }): FuzzRequest => {
      const raw = JSON.stringify({ ...fields, type });
      const timestamp = String(now());
      return {
        fault: 'signature:signed-not-an-event',
        method: route.method,
        url: route.path,
        headers: {
          'x-platform-timestamp': timestamp,
          'x-platform-signature': sign(credentials.webhookSecret, timestamp, raw),
          'content-type': 'application/json',
          'x-forwarded-for': from,
        },
        payload: raw,
      };
    });
  return fc.oneof({ weight: 4, arbitrary: badlySigned }, { weight: 1, arbitrary: signedMalformed });
}

function wechatPushDelivery(
  route: WriteRoute,
  credentials: FuzzCredentials,
): Arbitrary<FuzzRequest> {
  const query = fc.oneof(
    fc.constant({ kind: 'unsigned', params: {} }),
    fc
      .record({ signature: printable, timestamp: printable, nonce: printable })
      .map((params) => ({ kind: 'garbage-signature', params })),
    fc.record({ nonce: printable }).map(({ nonce }) => {
      const timestamp = String(Math.floor(Date.now() / 1000));
      // WeChat's scheme (sha1 over the sorted token, timestamp and nonce) with another token.
      const signature = createHash('sha1')
        .update([`${credentials.wechatPushToken}x`, timestamp, nonce].sort().join(''))
        .digest('hex');
      return { kind: 'wrong-token', params: { signature, timestamp, nonce } };
    }),
  );
  return fc
    .record({
      query,
      body: fc.oneof(
        junk.map((value) => JSON.stringify(value)),
        oddString,
      ),
      from: address,
    })
    .map(({ query: { kind, params }, body, from }) => ({
      fault: `signature:${kind}`,
      method: route.method,
      url: `${route.path}?${new URLSearchParams({ ...params, openid: 'o-fuzz', encrypt_type: 'raw' }).toString()}`,
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      payload: body,
    }));
}

export interface RouteCallers {
  // The route answered a caller without a token 401.
  requiresAuth: boolean;
  // The principals (names in FuzzCredentials.tokens) it did not answer 403.
  admitted: string[];
}

/**
 * The malformed requests for one route: each carries at least one fault that must refuse it
 * whatever the rest holds (no or a broken token on a route that needs one, a path parameter out
 * of every range, a body or form no DTO accepts, a bad signature), so no generated request can
 * be a valid write.
 */
export function refusedRequests(
  route: WriteRoute,
  credentials: FuzzCredentials,
  { requiresAuth, admitted }: RouteCallers,
): Arbitrary<FuzzRequest> {
  if (route.path === SIGNED_ROUTES.platformEvents) return platformEventDelivery(route, credentials);
  if (route.path === SIGNED_ROUTES.wechatPush) return wechatPushDelivery(route, credentials);
  const auth = authArbitraries(credentials, admitted);
  const plainUrl = fillPath(route.path, {});
  const withAddress = (headers: Record<string, string>, from: string) => ({
    ...headers,
    'x-forwarded-for': from,
  });
  const faults: fc.WeightedArbitrary<FuzzRequest>[] = [];
  if (requiresAuth) {
    faults.push({
      weight: 1,
      arbitrary: fc
        .record({
          headers: auth.refused,
          body: route.isMultipart ? refusedForm() : anyBody,
          from: address,
        })
        .map(({ headers, body, from }) =>
          request('auth', route, plainUrl, withAddress(headers, from), body),
        ),
    });
  }
  if (route.params.length > 0) {
    faults.push({
      weight: 2,
      arbitrary: fc
        .record({
          param: fc.constantFrom(...route.params),
          value: badSegment,
          headers: auth.any,
          body: anyBody,
          from: address,
        })
        .map(({ param, value, headers, body, from }) =>
          request(
            'param',
            route,
            fillPath(route.path, { [param]: value }),
            withAddress(headers, from),
            body,
          ),
        ),
    });
  }
  if (route.isMultipart) {
    faults.push({
      weight: 4,
      arbitrary: fc
        .record({ headers: auth.any, body: refusedForm(), from: address })
        .map(({ headers, body, from }) =>
          request('form', route, plainUrl, withAddress(headers, from), body),
        ),
    });
  }
  if (route.hasBodyDto) {
    const body = fc.oneof(
      { weight: 6, arbitrary: refusedJsonBody },
      { weight: 1, arbitrary: otherMediaBody },
      { weight: 1, arbitrary: formEncodedBody },
      { weight: 2, arbitrary: scalarBody },
    );
    faults.push({
      weight: 4,
      arbitrary: fc
        .record({ headers: auth.any, body, from: address })
        .map(({ headers, body: refused, from }) =>
          request('body', route, plainUrl, withAddress(headers, from), refused),
        ),
    });
  }
  if (faults.length === 0) throw new Error(`${route.method} ${route.path}: no fault can refuse it`);
  return fc.oneof(...faults);
}
