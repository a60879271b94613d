import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';

import { API_ROUTES } from '@titletrack/shared/contract';
import type { ApplicantPrincipal } from '@titletrack/shared/contract';

import { ErrorBodyDto } from '../../common/error-body.dto';
import { ApplicantOnly, CurrentPrincipal } from '../auth/auth.decorator';
import { ApplicationParamsDto } from '../binding/binding.dto';
import { ApplicationProgressResponseDto, MyCalendarQueryDto } from './progress.dto';
import { ProgressService } from './progress.service';

@ApiTags('my applications')
@ApplicantOnly()
@Controller()
export class ProgressController {
  constructor(private readonly progressService: ProgressService) {}

  @Get(`${API_ROUTES.myApplications}/:id/progress`)
  @ApiOkResponse({ type: ApplicationProgressResponseDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'APPLICATION_NOT_FOUND' })
  getMyApplicationProgress(
    @CurrentPrincipal() applicant: ApplicantPrincipal,
    @Param() { id }: ApplicationParamsDto,
  ): Promise<ApplicationProgressResponseDto> {
    return this.progressService.get(applicant, id);
  }

  @Get(API_ROUTES.myCalendarIcs)
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="titletrack-my-deadlines.ics"')
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    schema: { type: 'string' },
    description: 'My own deadlines as an iCalendar file',
  })
  getMyCalendarIcs(
    @CurrentPrincipal() applicant: ApplicantPrincipal,
    @Query() { now }: MyCalendarQueryDto,
  ): Promise<string> {
    return this.progressService.getMyIcs(applicant, now);
  }
}
