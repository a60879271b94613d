import { Controller, Get, Header, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiQuery,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

import { API_ROUTES } from '@titletrack/shared/contract';

import { ErrorBodyDto } from '../../common/error-body.dto';
import { WechatPushService } from './wechat-push.service';
import type { PushQuery } from './wechat-push.type';

// WeChat's query string, whatever it holds: the service checks every value it reads.
type PushRequest = FastifyRequest<{ Querystring: PushQuery }>;

// Query parameters are read raw: WeChat adds openid and others we do not declare, and the
// global validation pipe would refuse unknown fields.
@ApiTags('wechat')
@Controller(API_ROUTES.wechatPush)
export class WechatPushController {
  constructor(private readonly wechatPushService: WechatPushService) {}

  @Get()
  @Header('content-type', 'text/plain; charset=utf-8')
  @ApiQuery({ name: 'signature', required: true })
  @ApiQuery({ name: 'timestamp', required: true })
  @ApiQuery({ name: 'nonce', required: true })
  @ApiQuery({ name: 'echostr', required: true })
  @ApiOkResponse({
    description: 'echostr, when the signature over WECHAT_PUSH_TOKEN, timestamp and nonce is right',
  })
  @ApiUnauthorizedResponse({
    type: ErrorBodyDto,
    description:
      'WEBHOOK_SIGNATURE_INVALID (wrong signature, or timestamp more than 5 minutes off)',
  })
  @ApiServiceUnavailableResponse({
    type: ErrorBodyDto,
    description: 'WECHAT_NOT_CONFIGURED (no WECHAT_PUSH_TOKEN)',
  })
  verifyWechatPushUrl(@Req() request: PushRequest): string {
    return this.wechatPushService.verifyUrl(request.query);
  }

  @Post()
  @HttpCode(HttpStatus.OK)
  @Header('content-type', 'text/plain; charset=utf-8')
  @ApiOkResponse({
    description:
      '"success": subscribe_msg_popup_event, subscribe_msg_change_event and subscribe_msg_sent_event recorded',
  })
  @ApiUnauthorizedResponse({
    type: ErrorBodyDto,
    description:
      'WEBHOOK_SIGNATURE_INVALID (wrong signature, timestamp more than 5 minutes off, or timestamp and nonce received before)',
  })
  @ApiPayloadTooLargeResponse({ type: ErrorBodyDto, description: 'BODY_TOO_LARGE (over 64 KB)' })
  @ApiServiceUnavailableResponse({
    type: ErrorBodyDto,
    description: 'WECHAT_NOT_CONFIGURED (no WECHAT_PUSH_TOKEN)',
  })
  receiveWechatPush(@Req() request: RawBodyRequest<PushRequest>): Promise<string> {
    return this.wechatPushService.receive(request.query, request.rawBody);
  }
}
