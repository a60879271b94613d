import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';

import { API_ROUTES, STAFF_ROLE } from '@titletrack/shared/contract';
import type { ApplicantPrincipal, StaffPrincipal } from '@titletrack/shared/contract';

import { ErrorBodyDto } from '../../common/error-body.dto';
import { ApplicantOnly, CurrentPrincipal, StaffOnly } from '../auth/auth.decorator';
import { ApplicationParamsDto } from '../binding/binding.dto';
import {
  ChecklistResponseDto,
  ChecklistTickDto,
  DeclareFactsDto,
  EligibilityRequestDto,
  EligibilityResponseDto,
  MyFactsResponseDto,
  SetOfficeFactsDto,
  StaffApplicationFactsResponseDto,
} from './facts.dto';
import { FactsService } from './facts.service';

@ApiTags('my facts')
@ApplicantOnly()
@Controller()
export class MyFactsController {
  constructor(private readonly factsService: FactsService) {}

  @Get(API_ROUTES.myFacts)
  @ApiOkResponse({ type: MyFactsResponseDto })
  getMyFacts(@CurrentPrincipal() applicant: ApplicantPrincipal): Promise<MyFactsResponseDto> {
    return this.factsService.getMine(applicant);
  }

  @Put(API_ROUTES.myFacts)
  @ApiOkResponse({ type: MyFactsResponseDto, description: 'My facts after the change' })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED; nothing written' })
  declareMyFacts(
    @CurrentPrincipal() applicant: ApplicantPrincipal,
    @Body() body: DeclareFactsDto,
  ): Promise<MyFactsResponseDto> {
    return this.factsService.declareMine(applicant, body);
  }

  @Post(API_ROUTES.myEligibility)
  @HttpCode(200)
  @ApiOkResponse({ type: EligibilityResponseDto })
  @ApiNotFoundResponse({
    type: ErrorBodyDto,
    description: 'CALENDAR_NOT_FOUND: the region has no published notice',
  })
  checkMyEligibility(
    @CurrentPrincipal() applicant: ApplicantPrincipal,
    @Body() body: EligibilityRequestDto,
  ): Promise<EligibilityResponseDto> {
    return this.factsService.checkMyEligibility(applicant, body);
  }

  @Get(`${API_ROUTES.myApplications}/:id/checklist`)
  @ApiOkResponse({ type: ChecklistResponseDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'APPLICATION_NOT_FOUND' })
  getMyApplicationChecklist(
    @CurrentPrincipal() applicant: ApplicantPrincipal,
    @Param() { id }: ApplicationParamsDto,
  ): Promise<ChecklistResponseDto> {
    return this.factsService.getMyChecklist(applicant, id);
  }

  @Put(`${API_ROUTES.myApplications}/:id/checklist`)
  @ApiOkResponse({ type: ChecklistResponseDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'APPLICATION_NOT_FOUND' })
  tickMyApplicationChecklist(
    @CurrentPrincipal() applicant: ApplicantPrincipal,
    @Param() { id }: ApplicationParamsDto,
    @Body() body: ChecklistTickDto,
  ): Promise<ChecklistResponseDto> {
    return this.factsService.tickMyChecklist(applicant, id, body);
  }
}

@ApiTags('staff')
@StaffOnly(STAFF_ROLE.PREFECTURE_OFFICE, STAFF_ROLE.COUNTY_HR_BUREAU, STAFF_ROLE.SERIES_AUTHORITY)
@Controller()
export class StaffApplicationFactsController {
  constructor(private readonly factsService: FactsService) {}

  @Get(`${API_ROUTES.staffApplications}/:id/facts`)
  @ApiOkResponse({ type: StaffApplicationFactsResponseDto })
  @ApiNotFoundResponse({
    type: ErrorBodyDto,
    description: 'APPLICATION_NOT_FOUND (also for one outside my scope)',
  })
  getStaffApplicationFacts(
    @CurrentPrincipal() staff: StaffPrincipal,
    @Param() { id }: ApplicationParamsDto,
  ): Promise<StaffApplicationFactsResponseDto> {
    return this.factsService.getForStaff(staff, Number(id));
  }

  @Put(`${API_ROUTES.staffApplications}/:id/facts`)
  @StaffOnly(STAFF_ROLE.PREFECTURE_OFFICE, STAFF_ROLE.COUNTY_HR_BUREAU)
  @ApiOkResponse({ type: StaffApplicationFactsResponseDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED; nothing written' })
  @ApiNotFoundResponse({
    type: ErrorBodyDto,
    description: 'APPLICATION_NOT_FOUND (also for one outside my scope)',
  })
  setStaffApplicationFacts(
    @CurrentPrincipal() staff: StaffPrincipal,
    @Param() { id }: ApplicationParamsDto,
    @Body() body: SetOfficeFactsDto,
  ): Promise<StaffApplicationFactsResponseDto> {
    return this.factsService.setOffice(staff, Number(id), body);
  }
}
