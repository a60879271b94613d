import { createHash } from 'node:crypto';

import { Logger } from '@nestjs/common';

import { ERROR_CODE, PRINCIPAL_KIND } from '@titletrack/shared/contract';
import type { ApplicantPrincipal } from '@titletrack/shared/contract';
import { CERTIFICATE_STATE, SHAREABLE_FIELD } from '@titletrack/shared/domain';

import {
  buildBindingEntity,
  buildCertificateEntity,
  buildShareLinkEntity,
} from '../../../test/factories/certificate.factory';
import {
  newBindingRepositoryMock,
  newCertificateRepositoryMock,
  newRateLimitServiceMock,
  newShareLinkRepositoryMock,
  newVerificationRepositoryMock,
} from '../../../test/mocks/certificate.mock';
import { newUnitOfWorkStub } from '../../../test/mocks/unit-of-work.mock';
import type { UnitOfWorkStub } from '../../../test/mocks/unit-of-work.mock';
import { AppException } from '../../common/app.exception';
import type { RateLimitService } from '../../common/rate-limit/rate-limit.service';
import type { AppConfig } from '../../config/env';
import type { BindingRepository } from '../binding/binding.repository';
import { CertificateCodeSigner } from './certificate-code';
import type { CertificateRepository } from './certificate.repository';
import {
  CertificateService,
  SHARE_LINK_CREATE_RATE_LIMIT,
  SHARE_LINK_REVOKE_RATE_LIMIT,
} from './certificate.service';
import { QrImageRenderer, QrImageStore } from './qr-image.store';
import type { ShareLinkRepository } from './share-link.repository';
import type { VerificationRepository } from './verification.repository';

const PUBLIC_BASE_URL = 'https://titletrack.example.cn';
const CONFIG = { publicBaseUrl: PUBLIC_BASE_URL } as AppConfig;
const HOLDER: ApplicantPrincipal = { kind: PRINCIPAL_KIND.APPLICANT, id: '5' };
const NOW = new Date('2024-01-10T00:00:00Z');
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const rateLimited = () =>
  new AppException(ERROR_CODE.RATE_LIMITED, 'Too many attempts', {
    details: { retryAfterSeconds: 60 },
  });

describe(CertificateService.name, () => {
  let sut: CertificateService;
  let signer: CertificateCodeSigner;
  let certificateRepository: jest.Mocked<CertificateRepository>;
  let shareLinkRepository: jest.Mocked<ShareLinkRepository>;
  let verificationRepository: jest.Mocked<VerificationRepository>;
  let bindingRepository: jest.Mocked<BindingRepository>;
  let rateLimit: jest.Mocked<RateLimitService>;
  let unitOfWork: UnitOfWorkStub;
  let renderer: QrImageRenderer;

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    signer = new CertificateCodeSigner(Buffer.alloc(32, 9));
    certificateRepository = newCertificateRepositoryMock();
    shareLinkRepository = newShareLinkRepositoryMock();
    verificationRepository = newVerificationRepositoryMock();
    bindingRepository = newBindingRepositoryMock();
    rateLimit = newRateLimitServiceMock();
    unitOfWork = newUnitOfWorkStub();
    renderer = new QrImageRenderer();
    sut = new CertificateService(
      unitOfWork.unitOfWork,
      rateLimit,
      certificateRepository,
      shareLinkRepository,
      verificationRepository,
      bindingRepository,
      signer,
      CONFIG,
      new QrImageStore(renderer),
    );
  });

  afterEach(() => jest.restoreAllMocks());

  // The holder's certificate: it exists and its application is bound to the holder.
  const givenOwnCertificate = (overrides: Parameters<typeof buildCertificateEntity>[0] = {}) => {
    const certificate = buildCertificateEntity(overrides);
    certificateRepository.getById.mockResolvedValue(certificate);
    certificateRepository.getByIdForUpdate.mockResolvedValue(certificate);
    bindingRepository.getOne.mockResolvedValue(
      buildBindingEntity({ applicantId: 5, applicationId: certificate.applicationId ?? 0 }),
    );
    return certificate;
  };

  describe('myCertificates', () => {
    it('lists the certificates of the applications bound to the holder, each with a verify URL the signer accepts', async () => {
      bindingRepository.getByApplicant.mockResolvedValue([
        buildBindingEntity({ applicationId: 7 }),
        buildBindingEntity({ id: 32, applicationId: 8 }),
      ]);
      certificateRepository.getByApplicationIds.mockResolvedValue([buildCertificateEntity()]);

      const mine = await sut.myCertificates(HOLDER);

      expect(bindingRepository.getByApplicant).toHaveBeenCalledWith(5);
      expect(certificateRepository.getByApplicationIds).toHaveBeenCalledWith([7, 8]);
      expect(mine).toEqual([
        expect.objectContaining({
          id: '11',
          certificateNo: 'HTZC-2023-0001',
          holderName: '王建国',
          state: 'valid',
        }),
      ]);
      const code = decodeURIComponent(
        mine[0]?.verifyUrl.slice(`${PUBLIC_BASE_URL}/verify/`.length) ?? '',
      );
      expect(signer.publicIdOf(code)).toBe('AAAAAAAAAAAAAAAAAAAAAA');
      expect(mine[0]?.qrPngDataUrl).toMatch(/^data:image\/png;base64,/);
    });

    it('renders each QR once: the next listing shows the same image without drawing it again', async () => {
      bindingRepository.getByApplicant.mockResolvedValue([
        buildBindingEntity({ applicationId: 7 }),
      ]);
      certificateRepository.getByApplicationIds.mockResolvedValue([buildCertificateEntity()]);
      const render = jest.spyOn(renderer, 'render');

      const first = await sut.myCertificates(HOLDER);
      const second = await sut.myCertificates(HOLDER);

      expect(render).toHaveBeenCalledTimes(1);
      expect(second[0]?.qrPngDataUrl).toBe(first[0]?.qrPngDataUrl);
    });

    it('draws a new QR when the certificate’s code changed, never the image of the old one', async () => {
      bindingRepository.getByApplicant.mockResolvedValue([
        buildBindingEntity({ applicationId: 7 }),
      ]);
      certificateRepository.getByApplicationIds.mockResolvedValueOnce([buildCertificateEntity()]);
      certificateRepository.getByApplicationIds.mockResolvedValueOnce([
        buildCertificateEntity({ publicId: 'BBBBBBBBBBBBBBBBBBBBBB' }),
      ]);
      const render = jest.spyOn(renderer, 'render');

      const [before] = await sut.myCertificates(HOLDER);
      const [after] = await sut.myCertificates(HOLDER);

      expect(render).toHaveBeenCalledTimes(2);
      expect(render).toHaveBeenLastCalledWith(after?.verifyUrl);
      expect(after?.verifyUrl).not.toBe(before?.verifyUrl);
      expect(after?.qrPngDataUrl).not.toBe(before?.qrPngDataUrl);
    });

    it('has nothing for a holder without bindings', async () => {
      bindingRepository.getByApplicant.mockResolvedValue([]);
      certificateRepository.getByApplicationIds.mockResolvedValue([]);
      await expect(sut.myCertificates(HOLDER)).resolves.toEqual([]);
    });
  });

  describe('createShareLink', () => {
    const request = {
      purpose: ' 入职审核 ',
      expiresInDays: 30,
      fields: [SHAREABLE_FIELD.FULL_NAME, SHAREABLE_FIELD.FULL_NAME, SHAREABLE_FIELD.SERIES],
    };

    it('stores only the hash of the token it shows once, with the purpose trimmed and the fields once each', async () => {
      givenOwnCertificate();
      shareLinkRepository.getByCertificate.mockResolvedValue([]);
      shareLinkRepository.create.mockImplementation(async (link) =>
        buildShareLinkEntity({ ...link, id: 22, createdAt: NOW }),
      );

      const view = await sut.createShareLink(HOLDER, '11', request, NOW);

      const token = view.url?.slice(`${PUBLIC_BASE_URL}/verify/share/`.length) ?? '';
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(shareLinkRepository.create).toHaveBeenCalledWith({
        certificateId: 11,
        tokenHash: sha256(token),
        purpose: '入职审核',
        fields: 'fullName,series',
        expiresAt: new Date('2024-02-09T00:00:00Z'),
      });
      expect(view).toMatchObject({
        id: '22',
        purpose: '入职审核',
        fields: ['fullName', 'series'],
        isActive: true,
      });
    });

    it('counts the active links and writes the new one in one unit of work, under the certificate’s lock', async () => {
      givenOwnCertificate();
      const order: string[] = [];
      certificateRepository.getByIdForUpdate.mockImplementation(async () => {
        order.push(`lock:${unitOfWork.opened()}`);
        return buildCertificateEntity();
      });
      shareLinkRepository.getByCertificate.mockImplementation(async () => {
        order.push(`count:${unitOfWork.opened()}`);
        return [];
      });
      shareLinkRepository.create.mockImplementation(async (link) => {
        order.push(`create:${unitOfWork.opened()}`);
        return buildShareLinkEntity({ ...link, id: 22, createdAt: NOW });
      });

      await sut.createShareLink(HOLDER, '11', request, NOW);

      expect(order).toEqual(['lock:1', 'count:1', 'create:1']);
      expect(certificateRepository.getByIdForUpdate).toHaveBeenCalledWith(11);
      expect(unitOfWork.committed()).toBe(1);
    });

    it('counts the attempt per applicant first, and past the limit reads and writes nothing', async () => {
      givenOwnCertificate();
      rateLimit.consume.mockRejectedValue(rateLimited());

      await expect(sut.createShareLink(HOLDER, '11', request, NOW)).rejects.toMatchObject({
        code: ERROR_CODE.RATE_LIMITED,
        details: { retryAfterSeconds: 60 },
      });
      expect(rateLimit.consume).toHaveBeenCalledWith(
        SHARE_LINK_CREATE_RATE_LIMIT,
        ['applicant:5'],
        NOW,
      );
      expect(certificateRepository.getById).not.toHaveBeenCalled();
      expect(shareLinkRepository.create).not.toHaveBeenCalled();
    });

    it('refuses when the certificate is gone by the time it is locked, and writes nothing', async () => {
      givenOwnCertificate();
      certificateRepository.getByIdForUpdate.mockResolvedValue(null);

      await expect(sut.createShareLink(HOLDER, '11', request, NOW)).rejects.toMatchObject({
        code: ERROR_CODE.CERTIFICATE_NOT_FOUND,
      });
      expect(shareLinkRepository.create).not.toHaveBeenCalled();
    });

    it('refuses a link to a revoked certificate and writes nothing', async () => {
      givenOwnCertificate({ state: CERTIFICATE_STATE.REVOKED });
      shareLinkRepository.getByCertificate.mockResolvedValue([]);

      await expect(sut.createShareLink(HOLDER, '11', request, NOW)).rejects.toMatchObject({
        code: ERROR_CODE.SHARE_LINK_REFUSED,
        details: { reason: 'certificate_revoked' },
      });
      expect(shareLinkRepository.create).not.toHaveBeenCalled();
    });

    it('refuses a fourth active link and writes nothing', async () => {
      givenOwnCertificate();
      shareLinkRepository.getByCertificate.mockResolvedValue(
        [1, 2, 3].map((id) => buildShareLinkEntity({ id })),
      );

      await expect(sut.createShareLink(HOLDER, '11', request, NOW)).rejects.toMatchObject({
        code: ERROR_CODE.SHARE_LINK_REFUSED,
        details: { reason: 'too_many_active' },
      });
      expect(shareLinkRepository.create).not.toHaveBeenCalled();
    });

    it("answers another applicant's certificate like one that does not exist, and writes nothing", async () => {
      certificateRepository.getById.mockResolvedValue(buildCertificateEntity());
      bindingRepository.getOne.mockResolvedValue(null);

      await expect(sut.createShareLink(HOLDER, '11', request, NOW)).rejects.toMatchObject({
        code: ERROR_CODE.CERTIFICATE_NOT_FOUND,
      });
      expect(bindingRepository.getOne).toHaveBeenCalledWith(5, 7);
      expect(shareLinkRepository.getByCertificate).not.toHaveBeenCalled();
      expect(shareLinkRepository.create).not.toHaveBeenCalled();
    });

    it('answers a certificate of no application like one that does not exist', async () => {
      certificateRepository.getById.mockResolvedValue(
        buildCertificateEntity({ applicationId: null }),
      );

      await expect(sut.createShareLink(HOLDER, '11', request, NOW)).rejects.toBeInstanceOf(
        AppException,
      );
      expect(bindingRepository.getOne).not.toHaveBeenCalled();
      expect(shareLinkRepository.create).not.toHaveBeenCalled();
    });
  });

  describe('revokeShareLink', () => {
    it('revokes an active link at the given moment', async () => {
      givenOwnCertificate();
      shareLinkRepository.getOne.mockResolvedValue(buildShareLinkEntity());

      await expect(sut.revokeShareLink(HOLDER, '11', '21', NOW)).resolves.toBeUndefined();
      expect(shareLinkRepository.getOne).toHaveBeenCalledWith(11, 21);
      expect(shareLinkRepository.revoke).toHaveBeenCalledWith(21, NOW);
    });

    it('counts the attempt per applicant first, and past the limit writes nothing', async () => {
      givenOwnCertificate();
      shareLinkRepository.getOne.mockResolvedValue(buildShareLinkEntity());
      rateLimit.consume.mockRejectedValue(rateLimited());

      await expect(sut.revokeShareLink(HOLDER, '11', '21', NOW)).rejects.toMatchObject({
        code: ERROR_CODE.RATE_LIMITED,
      });
      expect(rateLimit.consume).toHaveBeenCalledWith(
        SHARE_LINK_REVOKE_RATE_LIMIT,
        ['applicant:5'],
        NOW,
      );
      expect(shareLinkRepository.revoke).not.toHaveBeenCalled();
    });

    it('keeps the first revocation of a link revoked before', async () => {
      givenOwnCertificate();
      shareLinkRepository.getOne.mockResolvedValue(
        buildShareLinkEntity({ revokedAt: new Date('2024-01-05T00:00:00Z') }),
      );

      await sut.revokeShareLink(HOLDER, '11', '21', NOW);
      expect(shareLinkRepository.revoke).not.toHaveBeenCalled();
    });

    it('refuses a link of another certificate and writes nothing', async () => {
      givenOwnCertificate();
      shareLinkRepository.getOne.mockResolvedValue(null);

      await expect(sut.revokeShareLink(HOLDER, '11', '99', NOW)).rejects.toMatchObject({
        code: ERROR_CODE.SHARE_LINK_NOT_FOUND,
      });
      expect(shareLinkRepository.revoke).not.toHaveBeenCalled();
    });
  });

  describe('verificationsOf', () => {
    it("lists the holder's newest look-ups with the purpose of the link they came through", async () => {
      givenOwnCertificate();
      verificationRepository.getLatestByCertificate.mockResolvedValue([
        {
          id: 3,
          certificateId: 11,
          shareLinkId: 21,
          shareLink: buildShareLinkEntity(),
          channel: 'share',
          verifierTag: 'abc',
          verifiedAt: NOW,
        },
        {
          id: 2,
          certificateId: 11,
          shareLinkId: null,
          channel: 'qr',
          verifierTag: 'def',
          verifiedAt: NOW,
        },
      ]);

      await expect(sut.verificationsOf(HOLDER, '11')).resolves.toEqual([
        {
          id: '3',
          verifiedAt: NOW.toISOString(),
          channel: 'share',
          sharePurpose: '入职审核',
          verifierTag: 'abc',
        },
        {
          id: '2',
          verifiedAt: NOW.toISOString(),
          channel: 'qr',
          sharePurpose: null,
          verifierTag: 'def',
        },
      ]);
      expect(verificationRepository.getLatestByCertificate).toHaveBeenCalledWith(11, 100);
    });
  });
});
