import { Controller, Get, Header, HttpStatus, Ip, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { ERROR_CODE } from '@titletrack/shared/contract';

import { AppException } from '../../common/app.exception';
import type { VerifyCertificateResponseDto } from './certificate.dto';
import { CertificateVerificationService } from './certificate-verification.service';
import { renderVerifyPage } from './verify-page';

// The human pages behind the QR and the share links, outside /api (see VERIFY_PAGE_ROUTES).
export const VERIFY_PAGE_ROUTES = { code: 'verify/:code', share: 'verify/share/:token' } as const;

@ApiExcludeController()
@Controller()
export class VerifyPageController {
  constructor(private readonly certificateVerificationService: CertificateVerificationService) {}

  @Get(VERIFY_PAGE_ROUTES.share)
  @Header('Cache-Control', 'no-store')
  async sharePage(
    @Param('token') token: string,
    @Ip() ip: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.render(reply, () =>
      this.certificateVerificationService.verifyShare(String(token).slice(0, 200), ip),
    );
  }

  @Get(VERIFY_PAGE_ROUTES.code)
  @Header('Cache-Control', 'no-store')
  async codePage(
    @Param('code') code: string,
    @Ip() ip: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.render(reply, () =>
      this.certificateVerificationService.verifyCode(String(code).slice(0, 200), ip),
    );
  }

  private async render(
    reply: FastifyReply,
    verify: () => Promise<VerifyCertificateResponseDto>,
  ): Promise<void> {
    try {
      const answer = await verify();
      await reply
        .status(HttpStatus.OK)
        .type('text/html; charset=utf-8')
        .send(renderVerifyPage(answer));
    } catch (error) {
      if (!(error instanceof AppException) || error.code !== ERROR_CODE.RATE_LIMITED) throw error;
      await reply
        .status(HttpStatus.TOO_MANY_REQUESTS)
        .type('text/html; charset=utf-8')
        .send(renderVerifyPage('rate_limited'));
    }
  }
}
