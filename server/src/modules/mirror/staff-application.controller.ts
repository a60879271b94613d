import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

import { API_ROUTES, STAFF_ROLE } from '@titletrack/shared/contract';
import type { StaffPrincipal } from '@titletrack/shared/contract';
import type { StaffApplicationDetail, StaffApplicationPage } from '@titletrack/shared/contract';

import { ErrorBodyDto } from '../../common/error-body.dto';
import { CurrentPrincipal, StaffOnly } from '../auth/auth.decorator';
import { ApplicationParamsDto } from '../binding/binding.dto';
import { StaffApplicationService } from './staff-application.service';

export class StaffApplicationQueryDto {
  @ApiPropertyOptional({ description: 'Application number or name (contains)' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  q?: string;

  @ApiPropertyOptional({ example: 'materials_received' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  status?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

@ApiTags('staff')
@StaffOnly(STAFF_ROLE.PREFECTURE_OFFICE, STAFF_ROLE.COUNTY_HR_BUREAU, STAFF_ROLE.SERIES_AUTHORITY)
@Controller(API_ROUTES.staffApplications)
export class StaffApplicationController {
  constructor(private readonly staffApplicationService: StaffApplicationService) {}

  @Get()
  @ApiOkResponse({
    description:
      'Mirrored applications of my scope (region; county or series by role), ID numbers masked, newest status first',
  })
  searchApplications(
    @CurrentPrincipal() staff: StaffPrincipal,
    @Query() query: StaffApplicationQueryDto,
  ): Promise<StaffApplicationPage> {
    return this.staffApplicationService.search(
      staff,
      query.q,
      query.status,
      query.page ?? 1,
      query.pageSize ?? 50,
    );
  }

  @Get(':id')
  @ApiOkResponse({ description: 'One application (ID masked) with its status history' })
  @ApiNotFoundResponse({
    type: ErrorBodyDto,
    description: 'APPLICATION_NOT_FOUND (also for one outside my scope)',
  })
  getApplication(
    @CurrentPrincipal() staff: StaffPrincipal,
    @Param() { id }: ApplicationParamsDto,
  ): Promise<StaffApplicationDetail> {
    return this.staffApplicationService.get(staff, Number(id));
  }
}
