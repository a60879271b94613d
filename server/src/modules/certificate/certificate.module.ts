import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditLogEntity } from '../../common/audit/audit-log.entity';
import { RateLimitModule } from '../../common/rate-limit/rate-limit.module';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { AuthModule } from '../auth/auth.module';
import { DomainEventModule } from '../domain-event/domain-event.module';
import { ApplicationBindingEntity } from '../binding/application-binding.entity';
import { CertificateCodeSigner } from './certificate-code';
import { CertificateController } from './certificate.controller';
import { CertificateEntity } from './certificate.entity';
import { CERTIFICATE_SIGNER, CertificateService } from './certificate.service';
import { ShareLinkEntity } from './share-link.entity';
import { StaffCertificateController } from './staff-certificate.controller';
import { VerificationEntity } from './verification.entity';
import { VerifyPageController } from './verify-page.controller';
import { VerifyController } from './verify.controller';

@Module({
  imports: [
    TypeOrmModule.forFeature([CertificateEntity, ShareLinkEntity, VerificationEntity, AuditLogEntity, ApplicationBindingEntity]),
    AuthModule,
    DomainEventModule,
    RateLimitModule,
  ],
  controllers: [CertificateController, VerifyController, VerifyPageController, StaffCertificateController],
  providers: [
    CertificateService,
    {
      provide: CERTIFICATE_SIGNER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): CertificateCodeSigner => new CertificateCodeSigner(config.certificateSigningSeed),
    },
  ],
})
export class CertificateModule {}
