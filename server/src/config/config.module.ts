import { Global, Module } from '@nestjs/common';

import { getConfig } from './env';

export const APP_CONFIG = Symbol('APP_CONFIG');

@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: () => getConfig() }],
  exports: [APP_CONFIG],
})
export class ConfigModule {}
