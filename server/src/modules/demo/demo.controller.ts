import { Body, Controller, HttpCode, HttpStatus, Post, UseInterceptors } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { API_ROUTES } from '@titletrack/shared/contract';

import { ErrorBodyDto } from '../../common/error-body.dto';
import { IssueSessionCookieInterceptor } from '../auth/session-cookie.interceptor';
import { DemoLoginDto, DemoLoginResponseDto } from './demo.dto';
import { DemoService } from './demo.service';

@ApiTags('auth')
@Controller()
export class DemoController {
  constructor(private readonly demoService: DemoService) {}

  @Post(API_ROUTES.authDemo)
  @HttpCode(HttpStatus.OK)
  @UseInterceptors(IssueSessionCookieInterceptor)
  @ApiOkResponse({ type: DemoLoginResponseDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'DEV_LOGIN_DISABLED (production)' })
  @ApiNotFoundResponse({
    type: ErrorBodyDto,
    description: 'APPLICATION_NOT_FOUND (demo applicants not seeded)',
  })
  loginAsDemoApplicant(@Body() { persona }: DemoLoginDto): Promise<DemoLoginResponseDto> {
    return this.demoService.login(persona);
  }
}
