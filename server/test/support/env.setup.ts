// Runs before each test file's modules load, so the logger reads these (see TOOLCHAIN F9).
process.env.APP_ENV = 'test';
process.env.DATABASE_URL ??= 'sqlite::memory:';
process.env.LOG_LEVEL ??= 'silent';
