import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';

import { API_ROUTES, STAFF_ROLE } from '@titletrack/shared/contract';
import type { StaffPrincipal } from '@titletrack/shared/contract';

import { ErrorBodyDto } from '../../common/error-body.dto';
import { CurrentPrincipal, StaffOnly } from '../auth/auth.decorator';
import {
  CreateStaffUserDto,
  StaffUserListResponseDto,
  StaffUserResponseDto,
} from '../staff/staff.dto';
import { StaffService } from '../staff/staff.service';

// Staff accounts are managed by the prefecture title office only.
@ApiTags('staff')
@StaffOnly(STAFF_ROLE.PREFECTURE_OFFICE)
@Controller(API_ROUTES.staffUsers)
export class StaffController {
  constructor(private readonly staffService: StaffService) {}

  @Get()
  @ApiOkResponse({ type: StaffUserListResponseDto })
  getStaffUsers(): Promise<StaffUserListResponseDto> {
    return this.staffService.getAll();
  }

  @Post()
  @ApiCreatedResponse({ type: StaffUserResponseDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'USERNAME_TAKEN' })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'OUT_OF_SCOPE: another region' })
  createStaffUser(
    @CurrentPrincipal() staff: StaffPrincipal,
    @Body() request: CreateStaffUserDto,
  ): Promise<StaffUserResponseDto> {
    return this.staffService.create(request, staff);
  }
}
