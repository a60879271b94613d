import { Controller, Get, Ip, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';

import { API_ROUTES } from '@titletrack/shared/contract';

import { ErrorBodyDto } from '../../common/error-body.dto';
import {
  CertificatePublicKeyResponseDto,
  VerifyCertificateResponseDto,
  VerifyCodeParamsDto,
  VerifyShareParamsDto,
} from './certificate.dto';
import { CertificateVerificationService } from './certificate-verification.service';

// No sign-in: anyone holding a certificate's QR or a share link may check it.
@ApiTags('certificate verification')
@Controller()
export class VerifyController {
  constructor(private readonly certificateVerificationService: CertificateVerificationService) {}

  @Get('/certificates/verify/:code')
  @ApiOkResponse({
    type: VerifyCertificateResponseDto,
    description:
      'valid / revoked with the masked holder; invalid for anything else, without saying why',
  })
  @ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'RATE_LIMITED' })
  verify(
    @Param() { code }: VerifyCodeParamsDto,
    @Ip() ip: string,
  ): Promise<VerifyCertificateResponseDto> {
    return this.certificateVerificationService.verifyCode(code, ip);
  }

  @Get('/certificates/verify/share/:token')
  @ApiOkResponse({
    type: VerifyCertificateResponseDto,
    description: 'As verify, plus the details the holder chose to share',
  })
  @ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'RATE_LIMITED' })
  verifyShare(
    @Param() { token }: VerifyShareParamsDto,
    @Ip() ip: string,
  ): Promise<VerifyCertificateResponseDto> {
    return this.certificateVerificationService.verifyShare(token, ip);
  }

  @Get(API_ROUTES.certificatePublicKey)
  @ApiOkResponse({ type: CertificatePublicKeyResponseDto })
  publicKey(): CertificatePublicKeyResponseDto {
    return this.certificateVerificationService.publicKey();
  }
}
