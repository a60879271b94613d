import 'reflect-metadata';

import { createHttpApp } from './app.setup';
import { ConfigError, getConfig } from './config/env';

// 1. Config: a bad variable stops the server here, naming the variable and never its value.
function loadConfigOrExit(): ReturnType<typeof getConfig> {
  try {
    return getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`TitleTrack cannot start: ${error.message}. See docs/operations.md.\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();

  // 2. The app: migrations and seeds run while the database module starts.
  const app = await createHttpApp(config);

  // 3. Listen, then say where: the one plain line a person starting the product looks for.
  await app.listen(config.http.port, config.http.host);
  const address = app.getHttpServer().address() as { port: number };
  process.stdout.write(
    `TitleTrack ${config.version} is ready: http://localhost:${address.port}/ (API http://localhost:${address.port}/api, docs http://localhost:${address.port}/api/docs)\n`,
  );
}

void bootstrap();
