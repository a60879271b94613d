import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

import { API_ROUTES, STAFF_ROLE } from '@titletrack/shared/contract';
import type { StaffPrincipal } from '@titletrack/shared/contract';

import { ErrorBodyDto } from '../../common/error-body.dto';
import { CurrentPrincipal, StaffOnly } from '../auth/auth.decorator';
import {
  CorrectOfficeNoticeDto,
  CorrectOfficeNoticeResponseDto,
  CreateOfficeNoticeDto,
  ListOfficeNoticesQueryDto,
  OfficeNoticeListResponseDto,
  OfficeNoticeParamsDto,
  OfficeNoticeResponseDto,
  PublishOfficeNoticeResponseDto,
  UpdateOfficeNoticeDto,
  WithdrawOfficeNoticeDto,
  WithdrawOfficeNoticeResponseDto,
} from './notice-publication.dto';
import { NoticePublicationService } from './notice-publication.service';

const ROUTE = ':id';

@ApiTags('office: notices')
@StaffOnly(STAFF_ROLE.PREFECTURE_OFFICE)
@ApiForbiddenResponse({
  type: ErrorBodyDto,
  description: "FORBIDDEN, OUT_OF_SCOPE (another region's)",
})
@Controller(API_ROUTES.officeNotices)
export class NoticePublicationController {
  constructor(private readonly noticePublicationService: NoticePublicationService) {}

  @Get()
  @ApiOkResponse({
    type: OfficeNoticeListResponseDto,
    description: "The region's notices, newest first",
  })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED, REGION_UNKNOWN' })
  getOfficeNotices(
    @CurrentPrincipal() staff: StaffPrincipal,
    @Query() query: ListOfficeNoticesQueryDto,
  ): Promise<OfficeNoticeListResponseDto> {
    return this.noticePublicationService.getAll(staff, query);
  }

  @Post()
  @ApiCreatedResponse({ type: OfficeNoticeResponseDto, description: 'The draft' })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED, REGION_UNKNOWN' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'NOTICE_EXISTS' })
  createOfficeNotice(
    @CurrentPrincipal() staff: StaffPrincipal,
    @Body() request: CreateOfficeNoticeDto,
  ): Promise<OfficeNoticeResponseDto> {
    return this.noticePublicationService.create(staff, request);
  }

  @Get(ROUTE)
  @ApiOkResponse({ type: OfficeNoticeResponseDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'CALENDAR_NOT_FOUND' })
  getOfficeNotice(
    @CurrentPrincipal() staff: StaffPrincipal,
    @Param() { id }: OfficeNoticeParamsDto,
  ): Promise<OfficeNoticeResponseDto> {
    return this.noticePublicationService.get(staff, id);
  }

  @Put(ROUTE)
  @ApiOkResponse({ type: OfficeNoticeResponseDto, description: 'The draft, replaced whole' })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'CALENDAR_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'NOTICE_STATE_CONFLICT (published)' })
  updateOfficeNotice(
    @CurrentPrincipal() staff: StaffPrincipal,
    @Param() { id }: OfficeNoticeParamsDto,
    @Body() request: UpdateOfficeNoticeDto,
  ): Promise<OfficeNoticeResponseDto> {
    return this.noticePublicationService.update(staff, id, request);
  }

  @Post(`${ROUTE}/publish`)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: PublishOfficeNoticeResponseDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'CALENDAR_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'NOTICE_STATE_CONFLICT (published)' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'NOTICE_UNCONFIRMED (an event or parameter unconfirmed, or no application event)',
  })
  publishOfficeNotice(
    @CurrentPrincipal() staff: StaffPrincipal,
    @Param() { id }: OfficeNoticeParamsDto,
  ): Promise<PublishOfficeNoticeResponseDto> {
    return this.noticePublicationService.publish(staff, id);
  }

  @Post(`${ROUTE}/corrections`)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CorrectOfficeNoticeResponseDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'CALENDAR_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'NOTICE_STATE_CONFLICT (not published)' })
  correctOfficeNotice(
    @CurrentPrincipal() staff: StaffPrincipal,
    @Param() { id }: OfficeNoticeParamsDto,
    @Body() request: CorrectOfficeNoticeDto,
  ): Promise<CorrectOfficeNoticeResponseDto> {
    return this.noticePublicationService.correct(staff, id, request);
  }

  @Post(`${ROUTE}/withdraw`)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: WithdrawOfficeNoticeResponseDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'CALENDAR_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'NOTICE_STATE_CONFLICT (not published)' })
  withdrawOfficeNotice(
    @CurrentPrincipal() staff: StaffPrincipal,
    @Param() { id }: OfficeNoticeParamsDto,
    @Body() request: WithdrawOfficeNoticeDto,
  ): Promise<WithdrawOfficeNoticeResponseDto> {
    return this.noticePublicationService.withdraw(staff, id, request);
  }
}
