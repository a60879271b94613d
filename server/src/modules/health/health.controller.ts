import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { API_ROUTES } from '@titletrack/shared/contract';

import { HealthResponseDto } from './health.dto';
import { HealthService } from './health.service';
import { SkipCompression } from '../../common/http-cache/skip-compression';

@ApiTags('health')
@Controller(API_ROUTES.health)
export class HealthController {
  constructor(private readonly healthService: HealthService) {}

  @Get()
  @SkipCompression()
  @ApiOkResponse({ type: HealthResponseDto })
  @ApiServiceUnavailableResponse({ type: HealthResponseDto, description: 'Database unreachable' })
  async getHealth(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponseDto> {
    const health = await this.healthService.get();
    // Load balancers read the status code: 503 takes a degraded instance out of rotation.
    if (health.status !== 'ok') void reply.status(503);
    return health;
  }
}
