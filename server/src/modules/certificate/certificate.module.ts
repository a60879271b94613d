import { Module } from '@nestjs/common';

import { AuditModule } from '../../common/audit/audit.module';
import { RateLimitModule } from '../../common/rate-limit/rate-limit.module';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { AuthModule } from '../auth/auth.module';
import { BindingModule } from '../binding/binding.module';
import { DomainEventModule } from '../domain-event/domain-event.module';
import { CERTIFICATE_SIGNER, CertificateCodeSigner } from './certificate-code';
import { CertificatePersistenceModule } from './certificate-persistence.module';
import { CertificateController } from './certificate.controller';
import { CertificateVerificationService } from './certificate-verification.service';
import { CertificateService } from './certificate.service';
import { QrImageRenderer, QrImageStore } from './qr-image.store';
import { ShareLinkRepository } from './share-link.repository';
import { StaffCertificateController } from './staff-certificate.controller';
import { StaffCertificateService } from './staff-certificate.service';
import { VerificationRepository } from './verification.repository';
import { VerifyPageController } from './verify-page.controller';
import { VerifyController } from './verify.controller';

@Module({
  imports: [
    CertificatePersistenceModule,
    AuditModule,
    AuthModule,
    BindingModule,
    DomainEventModule,
    RateLimitModule,
  ],
  controllers: [
    CertificateController,
    VerifyController,
    VerifyPageController,
    StaffCertificateController,
  ],
  providers: [
    ShareLinkRepository,
    VerificationRepository,
    CertificateService,
    CertificateVerificationService,
    QrImageRenderer,
    QrImageStore,
    StaffCertificateService,
    {
      provide: CERTIFICATE_SIGNER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): CertificateCodeSigner =>
        new CertificateCodeSigner(config.certificateSigningSeed),
    },
  ],
})
export class CertificateModule {}
