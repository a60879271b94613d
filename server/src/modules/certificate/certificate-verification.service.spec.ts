import { createHash } from 'node:crypto';

import { Logger } from '@nestjs/common';

import { ERROR_CODE } from '@titletrack/shared/contract';
import { CERTIFICATE_STATE, VERIFY_RESULT } from '@titletrack/shared/domain';

import {
  buildCertificateEntity,
  buildShareLinkEntity,
} from '../../../test/factories/certificate.factory';
import {
  newCertificateRepositoryMock,
  newRateLimitServiceMock,
  newShareLinkRepositoryMock,
  newVerificationRepositoryMock,
} from '../../../test/mocks/certificate.mock';
import { AppException } from '../../common/app.exception';
import type { RateLimitService } from '../../common/rate-limit/rate-limit.service';
import type { AppConfig } from '../../config/env';
import { CertificateCodeSigner } from './certificate-code';
import { CertificateVerificationService } from './certificate-verification.service';
import type { CertificateRepository } from './certificate.repository';
import type { ShareLinkRepository } from './share-link.repository';
import type { VerificationRepository } from './verification.repository';

const CONFIG = { idProtection: { blindIndexKey: Buffer.alloc(32, 1) } } as AppConfig;
const NOW = new Date('2024-01-10T00:00:00Z');
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe(CertificateVerificationService.name, () => {
  let sut: CertificateVerificationService;
  let signer: CertificateCodeSigner;
  let certificateRepository: jest.Mocked<CertificateRepository>;
  let shareLinkRepository: jest.Mocked<ShareLinkRepository>;
  let verificationRepository: jest.Mocked<VerificationRepository>;
  let rateLimit: jest.Mocked<RateLimitService>;

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    signer = new CertificateCodeSigner(Buffer.alloc(32, 9));
    certificateRepository = newCertificateRepositoryMock();
    shareLinkRepository = newShareLinkRepositoryMock();
    verificationRepository = newVerificationRepositoryMock();
    rateLimit = newRateLimitServiceMock();
    sut = new CertificateVerificationService(
      certificateRepository,
      shareLinkRepository,
      verificationRepository,
      rateLimit,
      signer,
      CONFIG,
    );
  });

  afterEach(() => jest.restoreAllMocks());

  describe('publicKey', () => {
    it('publishes the key that checks the codes, and how a code is made', () => {
      const { algorithm, publicKeyPem, codeFormat } = sut.publicKey();
      expect(algorithm).toBe('Ed25519');
      expect(publicKeyPem).toBe(signer.publicKeyPem());
      expect(codeFormat).toContain('titletrack-certificate-v1');
    });
  });

  describe('verifyCode', () => {
    it('answers a genuine code with the masked holder and logs the look-up under a tag, not the address', async () => {
      const certificate = buildCertificateEntity();
      certificateRepository.getByPublicId.mockResolvedValue(certificate);

      await expect(
        sut.verifyCode(signer.codeFor(certificate.publicId), '203.0.113.9'),
      ).resolves.toEqual({
        result: VERIFY_RESULT.VALID,
        holderNameMasked: '王**',
        level: 'intermediate',
        specialty: '临床医学',
        issuedOn: '2023-12-05',
      });
      const [logged] = verificationRepository.create.mock.calls[0] ?? [];
      expect(logged).toEqual({
        certificateId: 11,
        shareLinkId: null,
        channel: 'qr',
        verifierTag: expect.stringMatching(/^[0-9a-f]{16}$/),
      });
      expect(JSON.stringify(logged)).not.toContain('203.0.113.9');
    });

    it('answers a forged code as invalid without looking anything up or logging it', async () => {
      await expect(sut.verifyCode('AAAAAAAAAAAAAAAAAAAAAA.forged', '203.0.113.9')).resolves.toEqual(
        { result: VERIFY_RESULT.INVALID },
      );
      expect(certificateRepository.getByPublicId).not.toHaveBeenCalled();
      expect(verificationRepository.create).not.toHaveBeenCalled();
    });

    it('looks nothing up once the address is over its rate limit', async () => {
      rateLimit.consume.mockRejectedValue(
        new AppException(ERROR_CODE.RATE_LIMITED, 'Too many attempts'),
      );

      await expect(
        sut.verifyCode(signer.codeFor('AAAAAAAAAAAAAAAAAAAAAA'), '203.0.113.9'),
      ).rejects.toMatchObject({ code: ERROR_CODE.RATE_LIMITED });
      expect(certificateRepository.getByPublicId).not.toHaveBeenCalled();
      expect(verificationRepository.create).not.toHaveBeenCalled();
    });
  });

  describe('verifyShare', () => {
    const token = 'a'.repeat(43);

    it('shows the details the holder chose, and logs the look-up against the link', async () => {
      shareLinkRepository.getByTokenHash.mockResolvedValue(buildShareLinkEntity());
      certificateRepository.getById.mockResolvedValue(buildCertificateEntity());

      await expect(sut.verifyShare(token, '203.0.113.9', NOW)).resolves.toMatchObject({
        result: VERIFY_RESULT.VALID,
        shared: { fullName: '王建国', certificateNo: 'HTZC-2023-0001' },
        sharePurpose: '入职审核',
        shareExpiresAt: '2024-01-31T00:00:00.000Z',
      });
      expect(shareLinkRepository.getByTokenHash).toHaveBeenCalledWith(sha256(token));
      expect(verificationRepository.create).toHaveBeenCalledWith(
        expect.objectContaining({ certificateId: 11, shareLinkId: 21, channel: 'share' }),
      );
    });

    it('shows a revoked certificate as revoked, and nothing its holder once chose to share', async () => {
      shareLinkRepository.getByTokenHash.mockResolvedValue(buildShareLinkEntity());
      certificateRepository.getById.mockResolvedValue(
        buildCertificateEntity({ state: CERTIFICATE_STATE.REVOKED }),
      );

      const answer = await sut.verifyShare(token, '203.0.113.9', NOW);
      expect(answer.result).toBe(VERIFY_RESULT.REVOKED);
      expect(answer).not.toHaveProperty('shared');
    });

    it('answers an expired link as invalid without reading the certificate or logging', async () => {
      shareLinkRepository.getByTokenHash.mockResolvedValue(
        buildShareLinkEntity({ expiresAt: new Date('2024-01-09T00:00:00Z') }),
      );

      await expect(sut.verifyShare(token, '203.0.113.9', NOW)).resolves.toEqual({
        result: VERIFY_RESULT.INVALID,
      });
      expect(certificateRepository.getById).not.toHaveBeenCalled();
      expect(verificationRepository.create).not.toHaveBeenCalled();
    });

    it('does not look up a token of the wrong shape', async () => {
      await expect(sut.verifyShare('short', '203.0.113.9', NOW)).resolves.toEqual({
        result: VERIFY_RESULT.INVALID,
      });
      expect(shareLinkRepository.getByTokenHash).not.toHaveBeenCalled();
    });
  });
});
