import { randomBytes } from 'node:crypto';

import { ConfigError, ENV_VARIABLES, getConfig, resetConfigForTests } from './env';

// What production must bring (the development keys are public).
const PRODUCTION_KEYS = {
  ID_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  ID_ENCRYPTION_CURRENT_KEY_ID: 'k1',
  ID_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
  CERTIFICATE_SIGNING_KEY: randomBytes(32).toString('base64'),
  PUBLIC_BASE_URL: 'https://titletrack.example.cn',
};

describe('getConfig', () => {
  beforeEach(resetConfigForTests);
  afterAll(resetConfigForTests);

  it('applies the defaults in development: port 3000, SQLite under ./data, localhost links', () => {
    const config = getConfig({ APP_ENV: 'development' });
    expect(config).toMatchObject({
      environment: 'development',
      publicBaseUrl: 'http://localhost:3000',
      http: { port: 3000, host: '0.0.0.0' },
      database: { type: 'sqlite', sqlitePath: './data/titletrack.sqlite' },
      logLevel: 'info',
    });
    expect(config.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('selects MySQL from a mysql:// URL', () => {
    expect(
      getConfig({ APP_ENV: 'test', DATABASE_URL: 'mysql://root@127.0.0.1:3306/titletrack' })
        .database,
    ).toMatchObject({
      type: 'mysql',
      sqlitePath: null,
    });
  });

  it('names every bad variable and never prints a value', () => {
    const secret = 'postgres://admin:hunter2@db/x';
    let failure: unknown;
    try {
      getConfig({ PORT: 'eighty', DATABASE_URL: secret, APP_ENV: 'prod' });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as ConfigError).variableNames).toEqual(['APP_ENV', 'PORT', 'DATABASE_URL']);
    expect((failure as ConfigError).message).not.toContain('hunter2');
  });

  it('refuses a first-admin password longer than bcrypt reads, without printing it', () => {
    // 25 three-byte characters: 75 bytes; bcrypt would compare only the first 72.
    const password = '职'.repeat(25);
    expect(() =>
      getConfig({
        APP_ENV: 'development',
        BOOTSTRAP_ADMIN_USERNAME: 'admin',
        BOOTSTRAP_ADMIN_PASSWORD: password,
      }),
    ).toThrow(ConfigError);
    try {
      getConfig({
        APP_ENV: 'development',
        BOOTSTRAP_ADMIN_USERNAME: 'admin',
        BOOTSTRAP_ADMIN_PASSWORD: password,
      });
    } catch (error) {
      expect((error as ConfigError).variableNames).toEqual(['BOOTSTRAP_ADMIN_PASSWORD']);
      expect((error as ConfigError).message).not.toContain(password);
    }
    expect(
      getConfig({
        APP_ENV: 'development',
        BOOTSTRAP_ADMIN_USERNAME: 'admin',
        BOOTSTRAP_ADMIN_PASSWORD: '职'.repeat(24),
      }),
    ).toBeDefined();
  });

  it('refuses to start in production without ID-protection and certificate-signing keys and the public origin, naming them', () => {
    expect(() => getConfig({ APP_ENV: 'production' })).toThrow(
      'Invalid environment variables: ID_ENCRYPTION_KEYS, ID_ENCRYPTION_CURRENT_KEY_ID, ID_BLIND_INDEX_KEY, CERTIFICATE_SIGNING_KEY, PUBLIC_BASE_URL',
    );
  });

  describe('without APP_ENV', () => {
    it('runs as production: with no keys it refuses, naming the variables and saying why', () => {
      let failure: unknown;
      try {
        getConfig({ APP_ENV: '' });
      } catch (error) {
        failure = error;
      }
      expect(failure).toBeInstanceOf(ConfigError);
      expect((failure as ConfigError).variableNames).toEqual([
        'ID_ENCRYPTION_KEYS',
        'ID_ENCRYPTION_CURRENT_KEY_ID',
        'ID_BLIND_INDEX_KEY',
        'CERTIFICATE_SIGNING_KEY',
        'PUBLIC_BASE_URL',
      ]);
      expect((failure as ConfigError).message).toContain('APP_ENV is not set');
    });

    it('with its keys it is production, and never prints them', () => {
      const config = getConfig(PRODUCTION_KEYS);
      expect(config.environment).toBe('production');
      expect(config.publicBaseUrl).toBe('https://titletrack.example.cn');
      resetConfigForTests();
      let failure: unknown;
      try {
        getConfig({ ...PRODUCTION_KEYS, PUBLIC_BASE_URL: '' });
      } catch (error) {
        failure = error;
      }
      expect((failure as ConfigError).variableNames).toEqual(['PUBLIC_BASE_URL']);
      for (const value of Object.values(PRODUCTION_KEYS))
        expect((failure as ConfigError).message).not.toContain(value);
    });
  });

  it('says nothing about APP_ENV when it was chosen', () => {
    expect(() => getConfig({ APP_ENV: 'production' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('APP_ENV') }),
    );
  });

  it('checks the keys it is given: the current key must be listed, the blind-index key long enough', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(() =>
      getConfig({
        APP_ENV: 'development',
        ID_ENCRYPTION_KEYS: `k1:${key}`,
        ID_ENCRYPTION_CURRENT_KEY_ID: 'k2',
        ID_BLIND_INDEX_KEY: 'c2hvcnQ=',
      }),
    ).toThrow('Invalid environment variables: ID_ENCRYPTION_CURRENT_KEY_ID, ID_BLIND_INDEX_KEY');
    resetConfigForTests();
    const config = getConfig({
      APP_ENV: 'development',
      ID_ENCRYPTION_KEYS: `k0:${Buffer.alloc(32, 1).toString('base64')},k1:${key}`,
      ID_ENCRYPTION_CURRENT_KEY_ID: 'k1',
      ID_BLIND_INDEX_KEY: Buffer.alloc(32, 9).toString('base64'),
    });
    expect(Object.keys(config.idProtection.keys)).toEqual(['k0', 'k1']);
    expect(config.idProtection.currentKeyId).toBe('k1');
  });

  it('reads once and caches until reset', () => {
    const first = getConfig({ APP_ENV: 'test', PORT: '4000' });
    expect(getConfig({ APP_ENV: 'test', PORT: '5000' })).toBe(first);
    resetConfigForTests();
    expect(getConfig({ APP_ENV: 'test', PORT: '5000' }).http.port).toBe(5000);
  });

  it('keeps tests quiet unless asked', () => {
    expect(getConfig({ APP_ENV: 'test' }).logLevel).toBe('silent');
  });

  it('documents every variable with a sensitivity flag', () => {
    expect(ENV_VARIABLES.find((v) => v.name === 'DATABASE_URL')).toMatchObject({
      isSensitive: true,
    });
    for (const variable of ENV_VARIABLES) expect(variable.description.length).toBeGreaterThan(5);
  });
});
