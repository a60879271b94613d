import { Module } from '@nestjs/common';

import { CertificateRepository } from './certificate.repository';

// The certificate records alone, for the mirror, which creates and updates them from the
// platform's news. It imports nothing, so the mirror depends on certificates and never the
// other way round.
@Module({
  providers: [CertificateRepository],
  exports: [CertificateRepository],
})
export class CertificatePersistenceModule {}
