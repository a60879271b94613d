// Runs before each test file's modules load, so the logger reads these (see TOOLCHAIN F9).
process.env.APP_ENV = 'test';
process.env.DATABASE_URL ??= 'sqlite::memory:';
process.env.LOG_LEVEL ??= 'silent';
// The reminder pipeline's timers stay off in tests; the reminder tests drive it by hand.
process.env.REMINDER_PLAN_INTERVAL_SECONDS ??= '0';
process.env.REMINDER_PUSH_INTERVAL_SECONDS ??= '0';
// Housekeeping's timer too; its test turns it on where it checks the wiring.
process.env.HOUSEKEEPING_INTERVAL_SECONDS ??= '0';
