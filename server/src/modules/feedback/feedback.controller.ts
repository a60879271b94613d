import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';

import { API_ROUTES } from '@titletrack/shared/contract';
import type {
  ApplicantPrincipal,
  MyFeedbackListResponse,
  MyFeedbackResponse,
} from '@titletrack/shared/contract';

import { ErrorBodyDto } from '../../common/error-body.dto';
import { ApplicantOnly, CurrentPrincipal } from '../auth/auth.decorator';
import { CreateFeedbackDto } from './feedback.dto';
import { FeedbackService } from './feedback.service';

@ApiTags('feedback')
@ApplicantOnly()
@Controller()
export class FeedbackController {
  constructor(private readonly feedbackService: FeedbackService) {}

  @Post(API_ROUTES.myFeedback)
  @ApiCreatedResponse({ description: 'MyFeedbackResponse: the submission, open' })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED, REGION_UNKNOWN' })
  @ApiTooManyRequestsResponse({
    type: ErrorBodyDto,
    description: 'RATE_LIMITED (5 a day), with details.retryAfterSeconds',
  })
  createMyFeedback(
    @CurrentPrincipal() applicant: ApplicantPrincipal,
    @Body() request: CreateFeedbackDto,
  ): Promise<MyFeedbackResponse> {
    return this.feedbackService.create(Number(applicant.id), request);
  }

  @Get(API_ROUTES.myFeedback)
  @ApiOkResponse({ description: 'MyFeedbackListResponse: my submissions, newest first' })
  getMyFeedback(
    @CurrentPrincipal() applicant: ApplicantPrincipal,
  ): Promise<MyFeedbackListResponse> {
    return this.feedbackService.getAll(Number(applicant.id));
  }
}
