import { Controller, Get, Header, Param, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { API_ROUTES } from '@titletrack/shared/contract';

import { ErrorBodyDto } from '../../common/error-body.dto';
import {
  CalendarListResponseDto,
  CalendarParamsDto,
  CalendarQueryDto,
  CalendarRoundQueryDto,
  CalendarRoundResponseDto,
  CalendarYearResponseDto,
} from './calendar.dto';
import { CalendarService } from './calendar.service';
import { PublishedReadCache } from './published-read-cache.service';
import { SkipCompression } from '../../common/http-cache/skip-compression';

@ApiTags('calendars')
@Controller(API_ROUTES.calendars)
export class CalendarController {
  constructor(
    private readonly calendarService: CalendarService,
    private readonly publishedReads: PublishedReadCache,
  ) {}

  @Get()
  @SkipCompression()
  @ApiOkResponse({
    type: CalendarListResponseDto,
    description: 'The published calendars of every region, newest first',
  })
  getCalendars(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.publishedReads.sendJson(request, reply, 'calendars', () =>
      this.calendarService.getAll(),
    );
  }

  // Declared before ':year', which would otherwise take "round" for a year.
  @Get('round')
  @SkipCompression()
  @ApiOkResponse({
    type: CalendarRoundResponseDto,
    description: "This year's published calendar of a region, else last year's",
  })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED, REGION_UNKNOWN' })
  getCalendarRound(
    @Query() { regionCode, year, route }: CalendarRoundQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.publishedReads.sendJson(
      request,
      reply,
      `round:${regionCode}:${year}:${String(route)}`,
      (): Promise<CalendarRoundResponseDto> =>
        this.calendarService.getRound(regionCode, year, route),
    );
  }

  @Get(':year')
  @SkipCompression()
  @ApiOkResponse({ type: CalendarYearResponseDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED (not a year)' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'CALENDAR_NOT_FOUND' })
  getCalendar(
    @Param() { year }: CalendarParamsDto,
    @Query() { route, regionCode }: CalendarQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.publishedReads.sendJson(
      request,
      reply,
      `calendar:${year}:${String(route)}:${String(regionCode)}`,
      (): Promise<CalendarYearResponseDto> => this.calendarService.get(year, route, regionCode),
    );
  }

  @Get(':year/ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="titletrack-calendar.ics"')
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    schema: { type: 'string' },
    description: "The year's deadlines as an iCalendar file",
  })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'CALENDAR_NOT_FOUND' })
  getCalendarIcs(
    @Param() { year }: CalendarParamsDto,
    @Query() { route, regionCode }: CalendarQueryDto,
  ): Promise<string> {
    return this.calendarService.getIcs(year, route, regionCode);
  }
}
