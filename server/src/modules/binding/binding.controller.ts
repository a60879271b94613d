import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Ip,
  Param,
  Post,
} from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';

import { API_ROUTES } from '@titletrack/shared/contract';
import type { ApplicantPrincipal } from '@titletrack/shared/contract';

import { ErrorBodyDto } from '../../common/error-body.dto';
import { ApplicantOnly, CurrentPrincipal } from '../auth/auth.decorator';
import {
  ApplicationParamsDto,
  BindApplicationDto,
  MyApplicationListResponseDto,
  MyApplicationSummaryDto,
} from './binding.dto';
import { BindingService } from './binding.service';

@ApiTags('my applications')
@ApplicantOnly()
@Controller()
export class BindingController {
  constructor(private readonly bindingService: BindingService) {}

  @Post(API_ROUTES.myBindings)
  @ApiOkResponse({ type: MyApplicationSummaryDto })
  @ApiNotFoundResponse({
    type: ErrorBodyDto,
    description: 'BINDING_NOT_MATCHED (whichever field was wrong)',
  })
  @ApiTooManyRequestsResponse({
    type: ErrorBodyDto,
    description: 'RATE_LIMITED, details.retryAfterSeconds',
  })
  @HttpCode(HttpStatus.OK)
  bindApplication(
    @CurrentPrincipal() applicant: ApplicantPrincipal,
    @Body() request: BindApplicationDto,
    @Ip() ip: string,
  ): Promise<MyApplicationSummaryDto> {
    return this.bindingService.bind(applicant, request, ip);
  }

  @Delete(`${API_ROUTES.myBindings}/:id`)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'APPLICATION_NOT_FOUND' })
  unbindApplication(
    @CurrentPrincipal() applicant: ApplicantPrincipal,
    @Param() { id }: ApplicationParamsDto,
  ): Promise<void> {
    return this.bindingService.unbind(applicant, id);
  }

  @Get(API_ROUTES.myApplications)
  @ApiOkResponse({ type: MyApplicationListResponseDto })
  getMyApplications(
    @CurrentPrincipal() applicant: ApplicantPrincipal,
  ): Promise<MyApplicationListResponseDto> {
    return this.bindingService.getAll(applicant);
  }

  @Get(`${API_ROUTES.myApplications}/:id`)
  @ApiOkResponse({ type: MyApplicationSummaryDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'APPLICATION_NOT_FOUND' })
  getMyApplication(
    @CurrentPrincipal() applicant: ApplicantPrincipal,
    @Param() { id }: ApplicationParamsDto,
  ): Promise<MyApplicationSummaryDto> {
    return this.bindingService.get(applicant, id);
  }
}
