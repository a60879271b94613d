import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { API_ROUTES } from '@titletrack/shared/contract';

import { ErrorBodyDto } from '../../common/error-body.dto';
import { PublishedReadCache } from '../calendar/published-read-cache.service';
import { NoticeDetailDto, NoticeListResponseDto, NoticeParamsDto } from './notice.dto';
import { NoticeService } from './notice.service';
import { SkipCompression } from '../../common/http-cache/skip-compression';

@ApiTags('notices')
@Controller(API_ROUTES.notices)
export class NoticeController {
  constructor(
    private readonly noticeService: NoticeService,
    private readonly publishedReads: PublishedReadCache,
  ) {}

  @Get()
  @SkipCompression()
  @ApiOkResponse({ type: NoticeListResponseDto })
  getNotices(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.publishedReads.sendJson(
      request,
      reply,
      'notices',
      (): Promise<NoticeListResponseDto> => this.noticeService.getAll(),
    );
  }

  @Get(':id')
  @SkipCompression()
  @ApiOkResponse({ type: NoticeDetailDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'NOTICE_NOT_FOUND' })
  getNotice(
    @Param() { id }: NoticeParamsDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.publishedReads.sendJson(
      request,
      reply,
      `notice:${id}`,
      (): Promise<NoticeDetailDto> => this.noticeService.get(id),
    );
  }
}
