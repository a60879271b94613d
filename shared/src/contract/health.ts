export const DATABASE_TYPE = { SQLITE: 'sqlite', MYSQL: 'mysql' } as const;
export type DatabaseType = (typeof DATABASE_TYPE)[keyof typeof DATABASE_TYPE];

export const APP_ENVIRONMENT = {
  DEVELOPMENT: 'development',
  TEST: 'test',
  PRODUCTION: 'production',
} as const;
export type AppEnvironment = (typeof APP_ENVIRONMENT)[keyof typeof APP_ENVIRONMENT];

export interface HealthResponse {
  status: 'ok' | 'degraded';
  version: string;
  environment: AppEnvironment;
  database: { type: DatabaseType; isReachable: boolean };
  // The mini-app honours a demo "now" (?now=…) only when this is true (never in production).
  isClockOverrideAllowed: boolean;
}
