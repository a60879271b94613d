import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { z } from 'zod';

import { APP_ENVIRONMENT, DATABASE_TYPE } from '@titletrack/shared/contract';
import { ALERT_KIND } from '@titletrack/shared/domain';
import type { AlertKind } from '@titletrack/shared/domain';
import type { AppEnvironment, DatabaseType } from '@titletrack/shared/contract';

import { parseFieldCipherKeys } from '../common/crypto/parse-keys';

// The only file that reads process.env. Every variable is declared once, with its default, a
// description for docs/operations.md and whether its value may ever be printed.
interface VariableSpec {
  description: string;
  isSensitive: boolean;
  schema: z.ZodType;
}

const SERVER_ROOT = resolve(__dirname, '..', '..');
const REPO_ROOT = resolve(SERVER_ROOT, '..');
const MIB = 1024 * 1024;

// One WeChat subscribe-message template per alert kind, e.g. WECHAT_TEMPLATE_FEE_DUE.
type TemplateVariableName = `WECHAT_TEMPLATE_${Uppercase<AlertKind>}`;
export const templateVariableName = (kind: AlertKind): TemplateVariableName =>
  `WECHAT_TEMPLATE_${kind.toUpperCase()}` as TemplateVariableName;
const TEMPLATE_VARIABLES = Object.fromEntries(
  Object.values(ALERT_KIND).map((kind) => [
    templateVariableName(kind),
    {
      description: `Subscribe-message template id for ${kind} alerts (fields: docs/reminders.md); without it those alerts stay in the inbox only`,
      isSensitive: false,
      schema: z
        .string()
        .regex(/^[A-Za-z0-9_-]{10,64}$/)
        .optional(),
    },
  ]),
) as unknown as Record<TemplateVariableName, VariableSpec>;

const booleanText = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((value) => value === 'true' || value === '1');

const VARIABLES = {
  APP_ENV: {
    description:
      'development, test or production (the default when unset: a server started without it must not open the demo logins or use the public development keys); production refuses demo-only features and needs its own keys and PUBLIC_BASE_URL. `npm start` sets development',
    isSensitive: false,
    schema: z
      .enum(Object.values(APP_ENVIRONMENT) as [AppEnvironment, ...AppEnvironment[]])
      .default('production'),
  },
  PORT: {
    description: 'HTTP port',
    isSensitive: false,
    schema: z.coerce.number().int().min(0).max(65535).default(3000),
  },
  HOST: {
    description: 'Interface to listen on',
    isSensitive: false,
    schema: z.string().min(1).default('0.0.0.0'),
  },
  DATABASE_URL: {
    description:
      'sqlite:<file> (default sqlite:./data/titletrack.sqlite, relative to the working directory), sqlite::memory:, or mysql://user:pass@host:port/db',
    isSensitive: true,
    schema: z
      .string()
      .default('sqlite:./data/titletrack.sqlite')
      .refine((url) => /^sqlite:.+/.test(url) || /^mysql:\/\/[^/]+\/[A-Za-z0-9_]+/.test(url), {
        message: 'must be sqlite:<file> or mysql://host/database',
      }),
  },
  DATABASE_LOCK_TIMEOUT_SECONDS: {
    description: 'How long an instance waits for another to finish migrating (MySQL)',
    isSensitive: false,
    schema: z.coerce.number().int().min(1).max(3600).default(120),
  },
  LOG_LEVEL: {
    description: 'fatal, error, warn, info, debug, trace or silent',
    isSensitive: false,
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  },
  LOG_FILE: {
    description: 'Write logs to this file instead of stdout',
    isSensitive: false,
    schema: z.string().min(1).optional(),
  },
  H5_DIR: {
    description: 'Folder of the H5 build served at / (default miniapp/dist/h5)',
    isSensitive: false,
    schema: z
      .string()
      .min(1)
      .default(resolve(REPO_ROOT, 'miniapp', 'dist', 'h5')),
  },
  WECHAT_API_BASE: {
    description: "Base URL of WeChat's server API (tests point it at a local stand-in)",
    isSensitive: false,
    schema: z.string().url().default('https://api.weixin.qq.com'),
  },
  WECHAT_APPID: {
    description: "The mini-program's AppID; without it WeChat login answers WECHAT_NOT_CONFIGURED",
    isSensitive: false,
    schema: z
      .string()
      .regex(/^wx[0-9a-f]{16}$/)
      .optional(),
  },
  WECHAT_SECRET: {
    description: "The mini-program's AppSecret",
    isSensitive: true,
    schema: z
      .string()
      .regex(/^[0-9a-f]{32}$/)
      .optional(),
  },
  SESSION_TTL_HOURS: {
    description: 'How long a sign-in lasts',
    isSensitive: false,
    schema: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(24 * 30),
  },
  BOOTSTRAP_ADMIN_USERNAME: {
    description:
      'With BOOTSTRAP_ADMIN_PASSWORD: the first prefecture-office admin, created at start-up when no staff account exists',
    isSensitive: false,
    schema: z
      .string()
      .regex(/^[a-z][a-z0-9_.-]{2,31}$/)
      .optional(),
  },
  BOOTSTRAP_ADMIN_PASSWORD: {
    description:
      'Password of the first admin (at least 12 characters, at most 72 bytes in UTF-8); there is never a default',
    isSensitive: true,
    // bcrypt reads 72 bytes: a longer password would be cut silently.
    schema: z
      .string()
      .min(12)
      .refine((password) => Buffer.byteLength(password, 'utf8') <= 72, 'at most 72 bytes in UTF-8')
      .optional(),
  },
  PLATFORM_WEBHOOK_SECRETS: {
    description:
      'Shared secrets of the platform webhook, comma-separated (two during a rotation), each at least 32 characters',
    isSensitive: true,
    schema: z
      .string()
      .refine((text) => {
        const secrets = text.split(',').map((s) => s.trim());
        return secrets.length <= 2 && secrets.every((s) => s.length >= 32);
      })
      .optional(),
  },
  PLATFORM_API_BASE: {
    description:
      "Base URL of the official platform's status-query API, polled for status changes; without it polling is off",
    isSensitive: false,
    schema: z.string().url().optional(),
  },
  PLATFORM_CLIENT_ID: {
    description: 'Client id of our account on the platform API',
    isSensitive: false,
    schema: z.string().min(1).max(200).optional(),
  },
  PLATFORM_CLIENT_SECRET: {
    description: 'Client secret of our account on the platform API',
    isSensitive: true,
    schema: z.string().min(1).max(500).optional(),
  },
  PLATFORM_POLL_INTERVAL_SECONDS: {
    description:
      'Seconds between two polls of the platform API (every instance ticks, one polls); 0 turns polling off',
    isSensitive: false,
    schema: z.coerce.number().int().min(0).max(86_400).default(0),
  },
  HOUSEKEEPING_INTERVAL_SECONDS: {
    description:
      'Seconds between two housekeeping runs (expired sessions and rate-limit counters deleted; one instance per run through a lease); 0 turns it off',
    isSensitive: false,
    schema: z.coerce.number().int().min(0).max(86_400).default(3600),
  },
  PLATFORM_REGION_CODE: {
    description:
      'Prefecture (GB/T 2260 code, e.g. 6532) of the platform events and polls that name none; also the default region of `npm run staff:create`',
    isSensitive: false,
    schema: z
      .string()
      .regex(/^\d{2,12}$/)
      .default('6532'),
  },
  PLATFORM_POLL_PAGE_SIZE: {
    description: 'Changes asked for per page when polling the platform API',
    isSensitive: false,
    schema: z.coerce.number().int().min(1).max(1000).default(500),
  },
  STAFF_PASSWORD: {
    description:
      "Only for `npm run staff:create`: the new account's password (kept out of argv and shell history)",
    isSensitive: true,
    schema: z.string().optional(),
  },
  ID_ENCRYPTION_KEYS: {
    description:
      'keyId:base64 pairs (32-byte AES-256-GCM keys), comma-separated; old keys stay listed so old rows still decrypt. Required in production',
    isSensitive: true,
    schema: z.string().optional(),
  },
  ID_ENCRYPTION_CURRENT_KEY_ID: {
    description: 'Which of ID_ENCRYPTION_KEYS encrypts new values. Required in production',
    isSensitive: false,
    schema: z
      .string()
      .regex(/^[a-z0-9_-]{1,16}$/i)
      .optional(),
  },
  ID_BLIND_INDEX_KEY: {
    description:
      'base64 key (at least 32 bytes) of the keyed hash used to match ID numbers; never rotated casually (it re-keys every index). Required in production',
    isSensitive: true,
    schema: z.string().optional(),
  },
  ...TEMPLATE_VARIABLES,
  WECHAT_PUSH_TOKEN: {
    description:
      "Token of WeChat's message push (mini-program console → 消息推送, JSON data format, plaintext mode); without it POST /api/wechat/push answers 503",
    isSensitive: true,
    schema: z
      .string()
      .regex(/^[A-Za-z0-9]{3,32}$/)
      .optional(),
  },
  WECHAT_SUBSCRIBE_LONG_TERM: {
    description:
      'true when the account may send long-term subscribe messages (government services): one accept lasts, credits are not counted',
    isSensitive: false,
    schema: booleanText,
  },
  WECHAT_MINIPROGRAM_STATE: {
    description: 'Which build a tap on a subscribe message opens: formal, trial or developer',
    isSensitive: false,
    schema: z.enum(['formal', 'trial', 'developer']).default('formal'),
  },
  REMINDER_PLAN_INTERVAL_SECONDS: {
    description:
      'Seconds between two planner ticks (domain events, then every open application; one instance per tick through a lease); 0 turns planning off',
    isSensitive: false,
    schema: z.coerce.number().int().min(0).max(86_400).default(60),
  },
  REMINDER_PUSH_INTERVAL_SECONDS: {
    description: 'Seconds between two push-worker rounds on each instance; 0 turns pushing off',
    isSensitive: false,
    schema: z.coerce.number().int().min(0).max(3600).default(5),
  },
  IMPORT_MAX_FILE_MIB: {
    description: 'Largest platform export accepted for import, in MiB',
    isSensitive: false,
    schema: z.coerce.number().int().min(1).max(1024).default(50),
  },
  IMPORT_MAX_ROWS: {
    description: 'Most data rows accepted in one platform export',
    isSensitive: false,
    schema: z.coerce.number().int().min(1).max(10_000_000).default(1_000_000),
  },
  IMPORT_MAX_UNPACKED_MIB: {
    description:
      'Largest total uncompressed size of an xlsx export, in MiB (a guard against zip bombs)',
    isSensitive: false,
    schema: z.coerce.number().min(0.001).max(16_384).default(64),
  },
  REMINDER_PUSH_BATCH_SIZE: {
    description: 'Outbox rows one worker claims at a time',
    isSensitive: false,
    schema: z.coerce.number().int().min(1).max(2000).default(200),
  },
  REMINDER_PUSH_CONCURRENCY: {
    description: 'Sends in flight per worker',
    isSensitive: false,
    schema: z.coerce.number().int().min(1).max(500).default(32),
  },
  REMINDER_PUSH_MAX_ATTEMPTS: {
    description:
      'Tries of one push (45009, 5xx, network) before it is dead-lettered (push state failed, last error kept)',
    isSensitive: false,
    schema: z.coerce.number().int().min(1).max(50).default(6),
  },
  REMINDER_PUSH_CLAIM_SECONDS: {
    description:
      "How long a worker's claim on outbox rows lasts; a worker that dies leaves them to others after this",
    isSensitive: false,
    schema: z.coerce.number().int().min(5).max(3600).default(60),
  },
  REMINDER_PUSH_BACKOFF_SECONDS: {
    description:
      'First retry delay of a push after 45009/5xx/network; doubles per try (±20 % jitter), at most an hour',
    isSensitive: false,
    schema: z.coerce.number().int().min(1).max(3600).default(30),
  },
  REMINDER_CLAIM_MODE: {
    description:
      'skip_locked (MariaDB ≥ 10.6, MySQL 8) or update (claim by a conditional UPDATE … LIMIT: TiDB, which ignores SKIP LOCKED); SQLite always uses its single writer',
    isSensitive: false,
    schema: z.enum(['skip_locked', 'update']).default('skip_locked'),
  },
  PUBLIC_BASE_URL: {
    description:
      'Public origin of this service, e.g. https://titletrack.example.cn; certificate QR codes and share links point at it. Required in production (elsewhere http://localhost:<PORT>)',
    isSensitive: false,
    schema: z.string().url().optional(),
  },
  CERTIFICATE_SIGNING_KEY: {
    description:
      'base64 of the 32-byte Ed25519 seed that signs certificate verification codes; its public key is published at /api/certificates/public-key. Required in production',
    isSensitive: true,
    schema: z
      .string()
      .refine((text) => Buffer.from(text, 'base64').length === 32, {
        message: 'must be 32 bytes, base64',
      })
      .optional(),
  },
} satisfies Record<string, VariableSpec>;

type VariableName = keyof typeof VARIABLES;

export interface AppConfig {
  environment: AppEnvironment;
  version: string;
  http: { host: string; port: number };
  database: {
    type: DatabaseType;
    url: string;
    sqlitePath: string | null;
    lockTimeoutSeconds: number;
  };
  logLevel: string;
  logFile: string | null;
  h5Dir: string;
  wechat: { apiBase: string; appId: string | null; appSecret: string | null };
  sessionTtlHours: number;
  bootstrapAdmin: { username: string; password: string } | null;
  cliStaffPassword: string | null;
  platformWebhookSecrets: string[];
  platformRegionCode: string;
  platformPoll: {
    apiBase: string | null;
    clientId: string | null;
    clientSecret: string | null;
    intervalSeconds: number;
    pageSize: number;
  };
  idProtection: { keys: Record<string, Buffer>; currentKeyId: string; blindIndexKey: Buffer };
  reminders: {
    templates: Partial<Record<AlertKind, string>>;
    pushToken: string | null;
    isLongTermSubscription: boolean;
    miniprogramState: 'formal' | 'trial' | 'developer';
    planIntervalSeconds: number;
    pushIntervalSeconds: number;
    batchSize: number;
    concurrency: number;
    maxAttempts: number;
    claimSeconds: number;
    backoffSeconds: number;
    claimMode: 'skip_locked' | 'update';
  };
  publicBaseUrl: string;
  certificateSigningSeed: Buffer;
  housekeepingIntervalSeconds: number;
  importLimits: { maxFileBytes: number; maxRows: number; maxUnpackedBytes: number };
}

export class ConfigError extends Error {
  constructor(
    readonly variableNames: string[],
    hint = '',
  ) {
    super(`Invalid environment variables: ${variableNames.join(', ')}${hint}`);
  }
}

// Said when a production start fails only because nobody chose the environment.
const UNSET_APP_ENV_HINT =
  ' (APP_ENV is not set, so the server runs as production; a local demo sets APP_ENV=development, as `npm start` does)';

export const ENV_VARIABLES: ReadonlyArray<{
  name: string;
  description: string;
  isSensitive: boolean;
}> = Object.entries(VARIABLES).map(([name, spec]) => ({
  name,
  description: spec.description,
  isSensitive: spec.isSensitive,
}));

let cached: AppConfig | null = null;

/**
 * Reads and validates the environment once; a bad value throws a ConfigError naming the
 * variables (never their values).
 */
export function getConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  if (cached) return cached;
  const values: Partial<Record<VariableName, unknown>> = {};
  const bad: string[] = [];
  for (const [name, spec] of Object.entries(VARIABLES) as [VariableName, VariableSpec][]) {
    const raw = env[name] === '' ? undefined : env[name];
    const result = spec.schema.safeParse(raw);
    if (result.success) values[name] = result.data;
    else bad.push(name);
  }
  // Pairs: one without the other is a mistake, not a choice.
  if ((values.WECHAT_APPID === undefined) !== (values.WECHAT_SECRET === undefined)) {
    bad.push(values.WECHAT_APPID === undefined ? 'WECHAT_APPID' : 'WECHAT_SECRET');
  }
  if (
    (values.BOOTSTRAP_ADMIN_USERNAME === undefined) !==
    (values.BOOTSTRAP_ADMIN_PASSWORD === undefined)
  ) {
    bad.push(
      values.BOOTSTRAP_ADMIN_USERNAME === undefined
        ? 'BOOTSTRAP_ADMIN_USERNAME'
        : 'BOOTSTRAP_ADMIN_PASSWORD',
    );
  }
  // Polling needs all three; the interval alone would poll nothing.
  if (((values.PLATFORM_POLL_INTERVAL_SECONDS as number | undefined) ?? 0) > 0) {
    for (const name of [
      'PLATFORM_API_BASE',
      'PLATFORM_CLIENT_ID',
      'PLATFORM_CLIENT_SECRET',
    ] as const) {
      if (values[name] === undefined) bad.push(name);
    }
  }
  const idProtection = readIdProtection(values, bad);
  if (values.APP_ENV === 'production') {
    if (values.CERTIFICATE_SIGNING_KEY === undefined) bad.push('CERTIFICATE_SIGNING_KEY');
    // Certificate QR codes and share links carry this origin; localhost would print codes that
    // nobody can open.
    if (values.PUBLIC_BASE_URL === undefined) bad.push('PUBLIC_BASE_URL');
  }
  if (bad.length > 0 || idProtection === null) {
    const isAppEnvUnset = env.APP_ENV === undefined || env.APP_ENV === '';
    // A variable can fail twice (its own rule, then its pair's): named once.
    throw new ConfigError([...new Set(bad)], isAppEnvUnset ? UNSET_APP_ENV_HINT : '');
  }

  const environment = values.APP_ENV as AppEnvironment;
  const url = values.DATABASE_URL as string;
  const isMysql = url.startsWith('mysql://');
  cached = {
    environment,
    version: readVersion(),
    http: { host: values.HOST as string, port: values.PORT as number },
    database: {
      type: isMysql ? DATABASE_TYPE.MYSQL : DATABASE_TYPE.SQLITE,
      url,
      sqlitePath: isMysql ? null : url.slice('sqlite:'.length),
      lockTimeoutSeconds: values.DATABASE_LOCK_TIMEOUT_SECONDS as number,
    },
    logLevel:
      (values.LOG_LEVEL as string | undefined) ?? (environment === 'test' ? 'silent' : 'info'),
    logFile: (values.LOG_FILE as string | undefined) ?? null,
    h5Dir: values.H5_DIR as string,
    wechat: {
      apiBase: values.WECHAT_API_BASE as string,
      appId: (values.WECHAT_APPID as string | undefined) ?? null,
      appSecret: (values.WECHAT_SECRET as string | undefined) ?? null,
    },
    sessionTtlHours: values.SESSION_TTL_HOURS as number,
    bootstrapAdmin:
      values.BOOTSTRAP_ADMIN_USERNAME === undefined
        ? null
        : {
            username: values.BOOTSTRAP_ADMIN_USERNAME as string,
            password: values.BOOTSTRAP_ADMIN_PASSWORD as string,
          },
    cliStaffPassword: (values.STAFF_PASSWORD as string | undefined) ?? null,
    platformWebhookSecrets: ((values.PLATFORM_WEBHOOK_SECRETS as string | undefined) ?? '')
      .split(',')
      .map((secret) => secret.trim())
      .filter(Boolean),
    platformRegionCode: values.PLATFORM_REGION_CODE as string,
    platformPoll: {
      apiBase: (values.PLATFORM_API_BASE as string | undefined) ?? null,
      clientId: (values.PLATFORM_CLIENT_ID as string | undefined) ?? null,
      clientSecret: (values.PLATFORM_CLIENT_SECRET as string | undefined) ?? null,
      intervalSeconds: values.PLATFORM_POLL_INTERVAL_SECONDS as number,
      pageSize: values.PLATFORM_POLL_PAGE_SIZE as number,
    },
    idProtection,
    reminders: {
      templates: Object.fromEntries(
        Object.values(ALERT_KIND)
          .map((kind) => [kind, values[templateVariableName(kind)] as string | undefined])
          .filter(([, templateId]) => templateId !== undefined),
      ) as Partial<Record<AlertKind, string>>,
      pushToken: (values.WECHAT_PUSH_TOKEN as string | undefined) ?? null,
      isLongTermSubscription: values.WECHAT_SUBSCRIBE_LONG_TERM as boolean,
      miniprogramState: values.WECHAT_MINIPROGRAM_STATE as 'formal' | 'trial' | 'developer',
      planIntervalSeconds: values.REMINDER_PLAN_INTERVAL_SECONDS as number,
      pushIntervalSeconds: values.REMINDER_PUSH_INTERVAL_SECONDS as number,
      batchSize: values.REMINDER_PUSH_BATCH_SIZE as number,
      concurrency: values.REMINDER_PUSH_CONCURRENCY as number,
      maxAttempts: values.REMINDER_PUSH_MAX_ATTEMPTS as number,
      claimSeconds: values.REMINDER_PUSH_CLAIM_SECONDS as number,
      backoffSeconds: values.REMINDER_PUSH_BACKOFF_SECONDS as number,
      claimMode: values.REMINDER_CLAIM_MODE as 'skip_locked' | 'update',
    },
    housekeepingIntervalSeconds: values.HOUSEKEEPING_INTERVAL_SECONDS as number,
    importLimits: {
      maxFileBytes: (values.IMPORT_MAX_FILE_MIB as number) * MIB,
      maxRows: values.IMPORT_MAX_ROWS as number,
      maxUnpackedBytes: Math.round((values.IMPORT_MAX_UNPACKED_MIB as number) * MIB),
    },
    publicBaseUrl: (
      (values.PUBLIC_BASE_URL as string | undefined) ?? `http://localhost:${values.PORT as number}`
    ).replace(/\/+$/, ''),
    certificateSigningSeed:
      values.CERTIFICATE_SIGNING_KEY === undefined
        ? DEVELOPMENT_CERTIFICATE_SEED
        : Buffer.from(values.CERTIFICATE_SIGNING_KEY as string, 'base64'),
  };
  return cached;
}

// Outside production, fixed development keys keep a demo database readable across restarts;
// they are public (this file), so production must bring its own and refuses to start without.
const DEVELOPMENT_ID_KEYS = {
  keys: { dev: createHash('sha256').update('titletrack development id key').digest() },
  currentKeyId: 'dev',
  blindIndexKey: createHash('sha256').update('titletrack development blind index key').digest(),
};

// Public like the development ID keys above: a code signed with it proves nothing outside a demo.
const DEVELOPMENT_CERTIFICATE_SEED = createHash('sha256')
  .update('titletrack development certificate signing key')
  .digest();

function readIdProtection(
  values: Partial<Record<VariableName, unknown>>,
  bad: string[],
): AppConfig['idProtection'] | null {
  const keysText = values.ID_ENCRYPTION_KEYS as string | undefined;
  const currentKeyId = values.ID_ENCRYPTION_CURRENT_KEY_ID as string | undefined;
  const blindText = values.ID_BLIND_INDEX_KEY as string | undefined;
  if (keysText === undefined && currentKeyId === undefined && blindText === undefined) {
    if (values.APP_ENV === 'production') {
      bad.push('ID_ENCRYPTION_KEYS', 'ID_ENCRYPTION_CURRENT_KEY_ID', 'ID_BLIND_INDEX_KEY');
      return null;
    }
    return DEVELOPMENT_ID_KEYS;
  }
  let keys: Record<string, Buffer> = {};
  try {
    keys = parseFieldCipherKeys(keysText ?? '');
  } catch {
    bad.push('ID_ENCRYPTION_KEYS');
  }
  if (currentKeyId === undefined || !(currentKeyId in keys))
    bad.push('ID_ENCRYPTION_CURRENT_KEY_ID');
  const blindIndexKey = Buffer.from(blindText ?? '', 'base64');
  if (blindIndexKey.length < 32) bad.push('ID_BLIND_INDEX_KEY');
  return bad.length > 0 ? null : { keys, currentKeyId: currentKeyId as string, blindIndexKey };
}

export function resetConfigForTests(): void {
  cached = null;
}

function readVersion(): string {
  const packageJson = JSON.parse(readFileSync(resolve(SERVER_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  return packageJson.version;
}
