import { Controller, Headers, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

import { API_ROUTES } from '@titletrack/shared/contract';

import { ErrorBodyDto } from '../../common/error-body.dto';
import { WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER } from './webhook-signature';
import { WebhookService } from './webhook.service';
import type { WebhookReceipt } from './webhook.service';

@ApiTags('platform')
@Controller(API_ROUTES.platformEvents)
export class WebhookController {
  constructor(private readonly webhookService: WebhookService) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiHeader({
    name: WEBHOOK_TIMESTAMP_HEADER,
    description: 'Unix seconds; refused when more than 5 minutes off',
  })
  @ApiHeader({
    name: WEBHOOK_SIGNATURE_HEADER,
    description: 'sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">',
  })
  @ApiOkResponse({ description: '{ status: "applied" | "duplicate", outcome }' })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'WEBHOOK_SIGNATURE_INVALID' })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED' })
  receivePlatformEvent(
    @Req() request: RawBodyRequest<FastifyRequest>,
    @Headers(WEBHOOK_TIMESTAMP_HEADER) timestamp: string | undefined,
    @Headers(WEBHOOK_SIGNATURE_HEADER) signature: string | undefined,
  ): Promise<WebhookReceipt> {
    return this.webhookService.receive(request.rawBody, timestamp, signature);
  }
}
