import { Injectable, Logger } from '@nestjs/common';

import { ERROR_CODE, NOTICE_DRAFT_LIMITS } from '@titletrack/shared/contract';
import type { NoticeDraftFileRequest, StaffPrincipal } from '@titletrack/shared/contract';
import { draftNoticeCalendar } from '@titletrack/shared/notice-draft';
import { findRegion } from '@titletrack/shared/region';

import { isOwnNoticeRegion } from '../../common/staff-scope';
import { AppException } from '../../common/app.exception';
import { mapNoticeDraft } from './notice-draft.dto';
import type { NoticeDraftResponseDto } from './notice-draft.dto';
import { readNoticeFile } from './notice-file.util';

export interface NoticeFile {
  bytes: Buffer;
  fileName: string;
}

// Reads a notice into a calendar draft for the office to review. It writes nothing: the draft
// becomes a calendar only through a later, reviewed step.
@Injectable()
export class NoticeDraftService {
  private readonly logger = new Logger(NoticeDraftService.name);

  draftFromText(
    staff: StaffPrincipal,
    request: NoticeDraftFileRequest,
    text: string,
  ): NoticeDraftResponseDto {
    this.checkRegion(staff, request.regionCode);
    return this.draft(staff, request, text);
  }

  async draftFromFile(
    staff: StaffPrincipal,
    request: NoticeDraftFileRequest,
    file: NoticeFile,
  ): Promise<NoticeDraftResponseDto> {
    this.checkRegion(staff, request.regionCode);
    // The region is checked first so a wrong form costs no file parsing.
    const text = await readNoticeFile(file.bytes, file.fileName);
    return this.draft(staff, request, text);
  }

  private draft(
    staff: StaffPrincipal,
    request: NoticeDraftFileRequest,
    text: string,
  ): NoticeDraftResponseDto {
    this.checkText(staff, text);
    return mapNoticeDraft(request, text, draftNoticeCalendar(text, { year: request.year }));
  }

  // The guard already limits the route to the prefecture office; an office drafts for the region
  // whose notices it publishes.
  private checkRegion(staff: StaffPrincipal, regionCode: string): void {
    if (!findRegion(regionCode)) {
      this.logger.debug(`Staff ${staff.id} asked for a draft of unknown region ${regionCode}`);
      throw new AppException(ERROR_CODE.REGION_UNKNOWN, 'Unknown region code');
    }
    if (!isOwnNoticeRegion(staff, regionCode)) {
      this.logger.debug(`Staff ${staff.id} asked for a draft of region ${regionCode}`);
      throw new AppException(ERROR_CODE.OUT_OF_SCOPE, 'Not your region');
    }
  }

  private checkText(staff: StaffPrincipal, text: string): void {
    if (text.trim() === '') {
      this.logger.debug(`Staff ${staff.id} sent an empty notice`);
      throw new AppException(ERROR_CODE.NOTICE_TEXT_EMPTY, 'The notice text is empty');
    }
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > NOTICE_DRAFT_LIMITS.maxTextBytes) {
      this.logger.debug(`Staff ${staff.id} sent a notice of ${bytes} bytes`);
      throw new AppException(ERROR_CODE.NOTICE_TEXT_TOO_LONG, 'The notice text is too long', {
        details: { maxBytes: NOTICE_DRAFT_LIMITS.maxTextBytes },
      });
    }
  }
}
