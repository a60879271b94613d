import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { API_ROUTES } from '@titletrack/shared/contract';
import type { Principal } from '@titletrack/shared/contract';

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

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly authService: AuthService) {}

  @Post(API_ROUTES.authWechat)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionResponseDto })
  loginWithWechat(@Body() { code }: WechatLoginDto): Promise<SessionResponseDto> {
    return this.authService.loginWithWechat(code);
  }

  @Post(API_ROUTES.authDev)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionResponseDto })
  loginForDevelopment(@Body() { devUserId }: DevLoginDto): Promise<SessionResponseDto> {
    return this.authService.loginForDevelopment(devUserId);
  }

  @Post(API_ROUTES.authStaff)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionResponseDto })
  loginAsStaff(@Body() { username, password }: StaffLoginDto): Promise<SessionResponseDto> {
    return this.authService.loginAsStaff(username, password);
  }

  @Post(API_ROUTES.authLogout)
  @Authenticated()
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
