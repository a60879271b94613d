import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { API_ROUTES } from '@titletrack/shared/contract';

import { ErrorBodyDto } from '../../common/error-body.dto';
import { NoticeDetailDto, NoticeListResponseDto, NoticeParamsDto } from './notice.dto';
import { NoticeService } from './notice.service';

@ApiTags('notices')
@Controller(API_ROUTES.notices)
export class NoticeController {
  constructor(private readonly noticeService: NoticeService) {}

  @Get()
  @ApiOkResponse({ type: NoticeListResponseDto })
  getNotices(): Promise<NoticeListResponseDto> {
    return this.noticeService.getAll();
  }

  @Get(':id')
  @ApiOkResponse({ type: NoticeDetailDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'NOTICE_NOT_FOUND' })
  getNotice(@Param() { id }: NoticeParamsDto): Promise<NoticeDetailDto> {
    return this.noticeService.get(id);
  }
}
