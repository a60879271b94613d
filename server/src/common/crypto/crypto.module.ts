import { Global, Module } from '@nestjs/common';

import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { FieldCipher } from './field-cipher';

@Global()
@Module({
  providers: [
    {
      provide: FieldCipher,
      inject: [APP_CONFIG],
      useFactory: ({ idProtection }: AppConfig): FieldCipher => new FieldCipher(idProtection),
    },
  ],
  exports: [FieldCipher],
})
export class CryptoModule {}
