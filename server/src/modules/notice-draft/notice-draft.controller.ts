import { Body, Controller, HttpCode, HttpStatus, Post, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';

import {
  API_ROUTES,
  ERROR_CODE,
  NOTICE_DRAFT_LIMITS,
  STAFF_ROLE,
} from '@titletrack/shared/contract';
import type { StaffPrincipal } from '@titletrack/shared/contract';

import { AppException } from '../../common/app.exception';
import { ErrorBodyDto } from '../../common/error-body.dto';
import { MultipartFileInterceptor, UploadedFormFileParam } from '../../common/multipart-file';
import type { UploadedFormFile } from '../../common/multipart-file';
import { CurrentPrincipal, StaffOnly } from '../auth/auth.decorator';
import { NoticeDraftDto, NoticeDraftFileDto, NoticeDraftResponseDto } from './notice-draft.dto';
import { NoticeDraftService } from './notice-draft.service';
import { noticeFileExtension } from './notice-file.util';

@ApiTags('office: notice drafts')
@StaffOnly(STAFF_ROLE.PREFECTURE_OFFICE)
@Controller()
export class NoticeDraftController {
  constructor(private readonly noticeDraftService: NoticeDraftService) {}

  @Post(API_ROUTES.officeNoticeDrafts)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: NoticeDraftResponseDto, description: 'The draft; nothing is stored' })
  @ApiBadRequestResponse({
    type: ErrorBodyDto,
    description: 'VALIDATION_FAILED, REGION_UNKNOWN, NOTICE_TEXT_EMPTY',
  })
  @ApiPayloadTooLargeResponse({ type: ErrorBodyDto, description: 'NOTICE_TEXT_TOO_LONG' })
  draftNoticeCalendarFromText(
    @CurrentPrincipal() staff: StaffPrincipal,
    @Body() { text, ...request }: NoticeDraftDto,
  ): NoticeDraftResponseDto {
    return this.noticeDraftService.draftFromText(staff, request, text);
  }

  @Post(API_ROUTES.officeNoticeDraftFile)
  @HttpCode(HttpStatus.OK)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['regionCode', 'year', 'file'],
      properties: {
        regionCode: { type: 'string', example: '6532' },
        year: { type: 'integer', minimum: 2000, maximum: 2100, example: 2023 },
        file: {
          type: 'string',
          format: 'binary',
          description: '.txt or .md (UTF-8 or GB18030), .html/.htm, or .docx; at most 2 MiB',
        },
      },
    },
  })
  @ApiOkResponse({ type: NoticeDraftResponseDto, description: 'The draft; nothing is stored' })
  @ApiBadRequestResponse({
    type: ErrorBodyDto,
    description: 'VALIDATION_FAILED, FILE_REQUIRED, REGION_UNKNOWN, NOTICE_TEXT_EMPTY',
  })
  @ApiPayloadTooLargeResponse({
    type: ErrorBodyDto,
    description: 'NOTICE_FILE_TOO_LARGE, NOTICE_TEXT_TOO_LONG',
  })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorBodyDto, description: 'NOTICE_FILE_UNSUPPORTED' })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'NOTICE_FILE_UNREADABLE' })
  @UseInterceptors(
    MultipartFileInterceptor({
      field: 'file',
      maxFileBytes: NOTICE_DRAFT_LIMITS.maxFileBytes,
      // The mini-app says what the limit is.
      tooLarge: () =>
        new AppException(ERROR_CODE.NOTICE_FILE_TOO_LARGE, 'The notice file is too large', {
          details: { maxBytes: NOTICE_DRAFT_LIMITS.maxFileBytes },
        }),
      // Refused before the bytes are buffered.
      refuseFileName: (fileName) =>
        noticeFileExtension(fileName)
          ? null
          : new AppException(ERROR_CODE.NOTICE_FILE_UNSUPPORTED, 'Unsupported notice file type'),
    }),
  )
  draftNoticeCalendarFromFile(
    @CurrentPrincipal() staff: StaffPrincipal,
    @UploadedFormFileParam() file: UploadedFormFile | undefined,
    @Body() request: NoticeDraftFileDto,
  ): Promise<NoticeDraftResponseDto> {
    if (!file)
      throw new AppException(ERROR_CODE.FILE_REQUIRED, 'Upload the notice as the "file" field');
    return this.noticeDraftService.draftFromFile(staff, request, {
      bytes: file.buffer,
      fileName: file.originalname,
    });
  }
}
