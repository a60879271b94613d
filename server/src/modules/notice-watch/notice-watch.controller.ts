import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';

import { API_ROUTES } from '@titletrack/shared/contract';
import type {
  ApplicantPrincipal,
  NoticeWatchListResponse,
  NoticeWatchResponse,
} from '@titletrack/shared/contract';

import { ErrorBodyDto } from '../../common/error-body.dto';
import { ApplicantOnly, CurrentPrincipal } from '../auth/auth.decorator';
import { CreateNoticeWatchDto, NoticeWatchParamsDto } from './notice-watch.dto';
import { NoticeWatchService } from './notice-watch.service';

@ApiTags('notice-watches')
@ApplicantOnly()
@Controller()
export class NoticeWatchController {
  constructor(private readonly noticeWatchService: NoticeWatchService) {}

  @Post(API_ROUTES.myNoticeWatches)
  @ApiCreatedResponse({ description: 'NoticeWatchResponse (asking twice keeps one watch)' })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'REGION_UNKNOWN, VALIDATION_FAILED' })
  createMyNoticeWatch(
    @CurrentPrincipal() applicant: ApplicantPrincipal,
    @Body() request: CreateNoticeWatchDto,
  ): Promise<NoticeWatchResponse> {
    return this.noticeWatchService.create(Number(applicant.id), request.regionCode, request.year);
  }

  @Get(API_ROUTES.myNoticeWatches)
  @ApiOkResponse({ description: 'NoticeWatchListResponse: my watches, newest year first' })
  getMyNoticeWatches(
    @CurrentPrincipal() applicant: ApplicantPrincipal,
  ): Promise<NoticeWatchListResponse> {
    return this.noticeWatchService.getAll(Number(applicant.id));
  }

  @Delete(`${API_ROUTES.myNoticeWatches}/:regionCode/:year`)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Watch removed (or there was none)' })
  deleteMyNoticeWatch(
    @CurrentPrincipal() applicant: ApplicantPrincipal,
    @Param() { regionCode, year }: NoticeWatchParamsDto,
  ): Promise<void> {
    return this.noticeWatchService.delete(Number(applicant.id), regionCode, year);
  }
}
