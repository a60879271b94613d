import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';

import { API_ROUTES, STAFF_ROLE } from '@titletrack/shared/contract';
import type {
  StaffFeedbackDetail,
  StaffFeedbackListResponse,
  StaffPrincipal,
} from '@titletrack/shared/contract';

import { ErrorBodyDto } from '../../common/error-body.dto';
import { CurrentPrincipal, StaffOnly } from '../auth/auth.decorator';
import { FeedbackParamsDto, ReplyFeedbackDto, StaffFeedbackListQueryDto } from './feedback.dto';
import { StaffFeedbackService } from './staff-feedback.service';

// Only the prefecture office answers the public; county bureaus and series authorities get 403.
@ApiTags('staff')
@StaffOnly(STAFF_ROLE.PREFECTURE_OFFICE)
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'FORBIDDEN for other roles' })
@Controller()
export class StaffFeedbackController {
  constructor(private readonly staffFeedbackService: StaffFeedbackService) {}

  @Get(API_ROUTES.staffFeedback)
  @ApiOkResponse({
    description: 'StaffFeedbackListResponse: my region’s, newest first, contacts masked',
  })
  getStaffFeedbackList(
    @CurrentPrincipal() staff: StaffPrincipal,
    @Query() query: StaffFeedbackListQueryDto,
  ): Promise<StaffFeedbackListResponse> {
    return this.staffFeedbackService.getPage(staff, query);
  }

  @Get(`${API_ROUTES.staffFeedback}/:id`)
  @ApiOkResponse({ description: 'StaffFeedbackDetail with the contact (the opening is audited)' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'NOT_FOUND (also outside my region)' })
  getStaffFeedback(
    @CurrentPrincipal() staff: StaffPrincipal,
    @Param() { id }: FeedbackParamsDto,
  ): Promise<StaffFeedbackDetail> {
    return this.staffFeedbackService.get(staff, id);
  }

  @Post(`${API_ROUTES.staffFeedback}/:id/reply`)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    description: 'StaffFeedbackDetail, replied; the applicant gets a feedback_replied message',
  })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'NOT_FOUND (also outside my region)' })
  replyToFeedback(
    @CurrentPrincipal() staff: StaffPrincipal,
    @Param() { id }: FeedbackParamsDto,
    @Body() request: ReplyFeedbackDto,
  ): Promise<StaffFeedbackDetail> {
    return this.staffFeedbackService.reply(staff, id, request);
  }

  @Post(`${API_ROUTES.staffFeedback}/:id/handled`)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'StaffFeedbackDetail, handled (closing twice keeps the first)' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'NOT_FOUND (also outside my region)' })
  markFeedbackHandled(
    @CurrentPrincipal() staff: StaffPrincipal,
    @Param() { id }: FeedbackParamsDto,
  ): Promise<StaffFeedbackDetail> {
    return this.staffFeedbackService.markHandled(staff, id);
  }
}
