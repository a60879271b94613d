import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

import { API_ROUTES } from '@titletrack/shared/contract';
import type { ApplicantPrincipal } from '@titletrack/shared/contract';

import { ErrorBodyDto } from '../../common/error-body.dto';
import { ApplicantOnly, CurrentPrincipal } from '../auth/auth.decorator';
import {
  CertificateParamsDto,
  CreateShareLinkDto,
  MyCertificateListResponseDto,
  ShareLinkListResponseDto,
  ShareLinkParamsDto,
  ShareLinkViewDto,
  VerificationLogResponseDto,
} from './certificate.dto';
import { CertificateService } from './certificate.service';

@ApiTags('my certificates')
@ApplicantOnly()
@Controller()
export class CertificateController {
  constructor(private readonly certificateService: CertificateService) {}

  @Get(API_ROUTES.myCertificates)
  @ApiOkResponse({ type: MyCertificateListResponseDto })
  async getMine(
    @CurrentPrincipal() applicant: ApplicantPrincipal,
  ): Promise<MyCertificateListResponseDto> {
    return { items: await this.certificateService.myCertificates(applicant) };
  }

  @Post(`${API_ROUTES.myCertificates}/:id/shares`)
  @ApiCreatedResponse({
    type: ShareLinkViewDto,
    description: 'The link, with its url shown this once',
  })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'CERTIFICATE_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'SHARE_LINK_REFUSED, details.reason (too_many_active, certificate_revoked, …)',
  })
  @ApiTooManyRequestsResponse({
    type: ErrorBodyDto,
    description: 'RATE_LIMITED, details.retryAfterSeconds (10 creations an hour per applicant)',
  })
  createShareLink(
    @CurrentPrincipal() applicant: ApplicantPrincipal,
    @Param() { id }: CertificateParamsDto,
    @Body() request: CreateShareLinkDto,
  ): Promise<ShareLinkViewDto> {
    return this.certificateService.createShareLink(applicant, id, request);
  }

  @Get(`${API_ROUTES.myCertificates}/:id/shares`)
  @ApiOkResponse({ type: ShareLinkListResponseDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'CERTIFICATE_NOT_FOUND' })
  async getShareLinks(
    @CurrentPrincipal() applicant: ApplicantPrincipal,
    @Param() { id }: CertificateParamsDto,
  ): Promise<ShareLinkListResponseDto> {
    return { items: await this.certificateService.shareLinksOf(applicant, id) };
  }

  @Delete(`${API_ROUTES.myCertificates}/:id/shares/:shareId`)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({
    type: ErrorBodyDto,
    description: 'CERTIFICATE_NOT_FOUND or SHARE_LINK_NOT_FOUND',
  })
  @ApiTooManyRequestsResponse({
    type: ErrorBodyDto,
    description: 'RATE_LIMITED, details.retryAfterSeconds (20 revocations an hour per applicant)',
  })
  revokeShareLink(
    @CurrentPrincipal() applicant: ApplicantPrincipal,
    @Param() { id, shareId }: ShareLinkParamsDto,
  ): Promise<void> {
    return this.certificateService.revokeShareLink(applicant, id, shareId);
  }

  @Get(`${API_ROUTES.myCertificates}/:id/verifications`)
  @ApiOkResponse({ type: VerificationLogResponseDto, description: 'Newest first, at most 100' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'CERTIFICATE_NOT_FOUND' })
  async getVerifications(
    @CurrentPrincipal() applicant: ApplicantPrincipal,
    @Param() { id }: CertificateParamsDto,
  ): Promise<VerificationLogResponseDto> {
    return { items: await this.certificateService.verificationsOf(applicant, id) };
  }
}
