import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { API_ROUTES, STAFF_ROLE } from '@titletrack/shared/contract';
import type { StaffPrincipal } from '@titletrack/shared/contract';

import { ErrorBodyDto } from '../../common/error-body.dto';
import { CurrentPrincipal, StaffOnly } from '../auth/auth.decorator';
import {
  CertificateParamsDto,
  RevokeCertificateDto,
  StaffCertificateListResponseDto,
  StaffCertificateQueryDto,
  StaffCertificateViewDto,
} from './certificate.dto';
import { StaffCertificateService } from './staff-certificate.service';

@ApiTags('staff: certificates')
@StaffOnly(STAFF_ROLE.PREFECTURE_OFFICE, STAFF_ROLE.COUNTY_HR_BUREAU, STAFF_ROLE.SERIES_AUTHORITY)
@Controller()
export class StaffCertificateController {
  constructor(private readonly staffCertificateService: StaffCertificateService) {}

  @Get(API_ROUTES.staffCertificates)
  @ApiOkResponse({ type: StaffCertificateListResponseDto, description: 'Those of my scope' })
  async search(
    @CurrentPrincipal() staff: StaffPrincipal,
    @Query() { number }: StaffCertificateQueryDto,
  ): Promise<StaffCertificateListResponseDto> {
    return { items: await this.staffCertificateService.search(staff, { number }) };
  }

  // Audit-logged; the holder and every verifier see 已撤销 from then on. Only the prefecture
  // office revokes, and only in its region.
  @Post(`${API_ROUTES.staffCertificates}/:id/revoke`)
  @StaffOnly(STAFF_ROLE.PREFECTURE_OFFICE)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: StaffCertificateViewDto })
  @ApiNotFoundResponse({
    type: ErrorBodyDto,
    description: 'CERTIFICATE_NOT_FOUND (also for one outside my region)',
  })
  revoke(
    @CurrentPrincipal() staff: StaffPrincipal,
    @Param() { id }: CertificateParamsDto,
    @Body() { reason }: RevokeCertificateDto,
  ): Promise<StaffCertificateViewDto> {
    return this.staffCertificateService.revoke(staff, id, reason);
  }
}
