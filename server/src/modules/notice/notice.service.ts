import { Injectable, Logger } from '@nestjs/common';

import { ERROR_CODE } from '@titletrack/shared/contract';

import { AppException } from '../../common/app.exception';
import { mapNoticeDetail, mapNoticeSummary } from './notice.dto';
import type { NoticeDetailDto, NoticeListResponseDto } from './notice.dto';
import { NoticeRepository } from './notice.repository';

@Injectable()
export class NoticeService {
  private readonly logger = new Logger(NoticeService.name);

  constructor(private readonly noticeRepository: NoticeRepository) {}

  async getAll(): Promise<NoticeListResponseDto> {
    const notices = await this.noticeRepository.getAll();
    return { items: notices.map(mapNoticeSummary) };
  }

  async get(id: string): Promise<NoticeDetailDto> {
    const notice = await this.noticeRepository.getById(Number(id));
    if (!notice) {
      this.logger.debug(`Notice ${id} not found`);
      throw new AppException(ERROR_CODE.NOTICE_NOT_FOUND, 'Notice not found');
    }
    return mapNoticeDetail(notice);
  }
}
