import { Controller, Get, Param, Query } from '@nestjs/common';
import { API_ROUTES } from '@titletrack/shared/contract';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ErrorBodyDto } from '../../common/error-body.dto';
import {
  CalendarListResponseDto,
  CalendarParamsDto,
  CalendarQueryDto,
  CalendarYearResponseDto,
} from './calendar.dto';
import { CalendarService } from './calendar.service';

@ApiTags('calendars')
@Controller(API_ROUTES.calendars)
export class CalendarController {
  constructor(private readonly calendarService: CalendarService) {}

  @Get()
  @ApiOkResponse({ type: CalendarListResponseDto, description: 'The years that have a calendar, newest first' })
  getCalendars(): Promise<CalendarListResponseDto> {
    return this.calendarService.getAll();
  }

  @Get(':year')
  @ApiOkResponse({ type: CalendarYearResponseDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED (not a year)' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'CALENDAR_NOT_FOUND' })
  getCalendar(
    @Param() { year }: CalendarParamsDto,
    @Query() { route }: CalendarQueryDto,
  ): Promise<CalendarYearResponseDto> {
    return this.calendarService.get(year, route);
  }
}
