import { AuditLogRepository } from '../../src/common/audit/audit-log.repository';
import { RateLimitService } from '../../src/common/rate-limit/rate-limit.service';
import { BindingRepository } from '../../src/modules/binding/binding.repository';
import { CertificateRepository } from '../../src/modules/certificate/certificate.repository';
import { ShareLinkRepository } from '../../src/modules/certificate/share-link.repository';
import { VerificationRepository } from '../../src/modules/certificate/verification.repository';
import { DomainEventRepository } from '../../src/modules/domain-event/domain-event.repository';
import { mockMethods } from './mock-methods';

export const newCertificateRepositoryMock = (): jest.Mocked<CertificateRepository> =>
  mockMethods(CertificateRepository);
export const newShareLinkRepositoryMock = (): jest.Mocked<ShareLinkRepository> =>
  mockMethods(ShareLinkRepository);
export const newVerificationRepositoryMock = (): jest.Mocked<VerificationRepository> =>
  mockMethods(VerificationRepository);
export const newBindingRepositoryMock = (): jest.Mocked<BindingRepository> =>
  mockMethods(BindingRepository);
export const newAuditLogRepositoryMock = (): jest.Mocked<AuditLogRepository> =>
  mockMethods(AuditLogRepository);
export const newDomainEventRepositoryMock = (): jest.Mocked<DomainEventRepository> =>
  mockMethods(DomainEventRepository);

// Lets every attempt through, until a test says otherwise.
export const newRateLimitServiceMock = (): jest.Mocked<RateLimitService> => {
  const mock = mockMethods(RateLimitService);
  mock.consume.mockResolvedValue();
  return mock;
};
