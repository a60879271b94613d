import { ConfigError, ENV_VARIABLES, getConfig, resetConfigForTests } from './env';

describe('getConfig', () => {
  beforeEach(resetConfigForTests);
  afterAll(resetConfigForTests);

  it('applies the defaults: development, port 3000, SQLite under ./data', () => {
    const config = getConfig({});
    expect(config).toMatchObject({
      environment: 'development',
      http: { port: 3000, host: '0.0.0.0' },
      database: { type: 'sqlite', sqlitePath: './data/titletrack.sqlite' },
      logLevel: 'info',
    });
    expect(config.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('selects MySQL from a mysql:// URL', () => {
    expect(
      getConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/titletrack' }).database,
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

  it('refuses to start in production without ID-protection and certificate-signing keys, naming them', () => {
    expect(() => getConfig({ APP_ENV: 'production' })).toThrow(
      'Invalid environment variables: ID_ENCRYPTION_KEYS, ID_ENCRYPTION_CURRENT_KEY_ID, ID_BLIND_INDEX_KEY, CERTIFICATE_SIGNING_KEY',
    );
  });

  it('checks the keys it is given: the current key must be listed, the blind-index key long enough', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(() =>
      getConfig({
        ID_ENCRYPTION_KEYS: `k1:${key}`,
        ID_ENCRYPTION_CURRENT_KEY_ID: 'k2',
        ID_BLIND_INDEX_KEY: 'c2hvcnQ=',
      }),
    ).toThrow('Invalid environment variables: ID_ENCRYPTION_CURRENT_KEY_ID, ID_BLIND_INDEX_KEY');
    resetConfigForTests();
    const config = getConfig({
      ID_ENCRYPTION_KEYS: `k0:${Buffer.alloc(32, 1).toString('base64')},k1:${key}`,
      ID_ENCRYPTION_CURRENT_KEY_ID: 'k1',
      ID_BLIND_INDEX_KEY: Buffer.alloc(32, 9).toString('base64'),
    });
    expect(Object.keys(config.idProtection.keys)).toEqual(['k0', 'k1']);
    expect(config.idProtection.currentKeyId).toBe('k1');
  });

  it('reads once and caches until reset', () => {
    const first = getConfig({ PORT: '4000' });
    expect(getConfig({ PORT: '5000' })).toBe(first);
    resetConfigForTests();
    expect(getConfig({ PORT: '5000' }).http.port).toBe(5000);
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
