import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Ip,
  Post,
  Req,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';

import { API_ROUTES } from '@titletrack/shared/contract';
import type { Principal } from '@titletrack/shared/contract';

import { ErrorBodyDto } from '../../common/error-body.dto';
import { Authenticated, CurrentPrincipal } from './auth.decorator';
import type { AuthenticatedRequest } from './auth.decorator';
import {
  DevLoginDto,
  MeResponseDto,
  SessionResponseDto,
  StaffLoginDto,
  WechatLoginDto,
} from './auth.dto';
import { AuthService } from './auth.service';
import {
  ClearSessionCookieInterceptor,
  IssueSessionCookieInterceptor,
} from './session-cookie.interceptor';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly authService: AuthService) {}

  @Post(API_ROUTES.authWechat)
  @HttpCode(HttpStatus.OK)
  @UseInterceptors(IssueSessionCookieInterceptor)
  @ApiOkResponse({ type: SessionResponseDto })
  loginWithWechat(@Body() { code }: WechatLoginDto): Promise<SessionResponseDto> {
    return this.authService.loginWithWechat(code);
  }

  @Post(API_ROUTES.authDev)
  @HttpCode(HttpStatus.OK)
  @UseInterceptors(IssueSessionCookieInterceptor)
  @ApiOkResponse({ type: SessionResponseDto })
  loginForDevelopment(@Body() { devUserId }: DevLoginDto): Promise<SessionResponseDto> {
    return this.authService.loginForDevelopment(devUserId);
  }

  @Post(API_ROUTES.authStaff)
  @HttpCode(HttpStatus.OK)
  @UseInterceptors(IssueSessionCookieInterceptor)
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiTooManyRequestsResponse({
    type: ErrorBodyDto,
    description: 'RATE_LIMITED: too many failed sign-ins for the account or the address',
  })
  loginAsStaff(
    @Body() { username, password }: StaffLoginDto,
    @Ip() ip: string,
  ): Promise<SessionResponseDto> {
    return this.authService.loginAsStaff(username, password, ip);
  }

  @Post(API_ROUTES.authLogout)
  @Authenticated()
  @UseInterceptors(ClearSessionCookieInterceptor)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  logout(@Req() request: AuthenticatedRequest): Promise<void> {
    return this.authService.logout(request.sessionTokenHash ?? '');
  }

  @Get(API_ROUTES.me)
  @Authenticated()
  @ApiOkResponse({ type: MeResponseDto })
  getMe(@CurrentPrincipal() principal: Principal): MeResponseDto {
    return { principal };
  }
}
