import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

import { API_ROUTES, ERROR_CODE, STAFF_ROLE } from '@titletrack/shared/contract';
import type { StaffPrincipal } from '@titletrack/shared/contract';
import type { ImportResult } from '@titletrack/shared/contract';

import { AppException } from '../../common/app.exception';
import { ErrorBodyDto } from '../../common/error-body.dto';
import { MultipartFileInterceptor, UploadedFormFileParam } from '../../common/multipart-file';
import type { UploadedFormFile } from '../../common/multipart-file';
import { CurrentPrincipal, StaffOnly } from '../auth/auth.decorator';
import { DEFAULT_IMPORT_LIMITS } from './import/import-limits';
import { ImportService } from './import.service';

export class ImportQueryDto {
  @ApiPropertyOptional({
    enum: ['utf-8', 'gb18030'],
    description: 'Force the csv encoding (default: detected)',
  })
  @IsOptional()
  @IsIn(['utf-8', 'gb18030'])
  encoding?: 'utf-8' | 'gb18030';

  @ApiPropertyOptional({
    example: 2023,
    description:
      'Year for rows without a 年度 column (default: the published notice whose application window holds the row’s status time)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

// The multipart fields beside the file.
export class ImportFormDto {
  @ApiPropertyOptional({ example: 2023, description: 'Same as the year query parameter' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class ImportReportParamsDto {
  @ApiProperty({ format: 'uuid', description: 'details.reportId of an IMPORT_ROWS_INVALID answer' })
  @IsUUID()
  reportId!: string;
}

// The prefecture office imports its region's exports, a county HR bureau its county's rows.
@ApiTags('staff')
@StaffOnly(STAFF_ROLE.PREFECTURE_OFFICE, STAFF_ROLE.COUNTY_HR_BUREAU)
@Controller(API_ROUTES.staffImports)
export class StaffImportController {
  constructor(private readonly importService: ImportService) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        file: { type: 'string', format: 'binary' },
        year: { type: 'integer', minimum: 2000, maximum: 2100 },
      },
    },
  })
  @ApiOkResponse({ description: 'What the import did: created, changed, unchanged, skipped rows' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description:
      'IMPORT_ROWS_INVALID: details.errors lists the first 1,000 bad cells, details.counts how many of each kind, details.reportId the whole list (GET reports/:reportId); IMPORT_YEAR_UNKNOWN: rows without a year match no single published notice (details: rows, candidates, publishedYears)',
  })
  @ApiForbiddenResponse({
    type: ErrorBodyDto,
    description: 'OUT_OF_SCOPE: rows of another region (or county, for a county HR bureau)',
  })
  @UseInterceptors(
    MultipartFileInterceptor({ field: 'file', maxFileBytes: DEFAULT_IMPORT_LIMITS.maxFileBytes }),
  )
  importExport(
    @CurrentPrincipal() staff: StaffPrincipal,
    @UploadedFormFileParam() file: UploadedFormFile | undefined,
    @Query() query: ImportQueryDto,
    @Body() form: ImportFormDto,
  ): Promise<ImportResult> {
    if (!file)
      throw new AppException(ERROR_CODE.FILE_REQUIRED, 'Upload the export as the "file" field');
    return this.importService.importFile({
      bytes: file.buffer,
      fileName: file.originalname,
      encoding: query.encoding,
      year: query.year ?? form.year ?? null,
      regionCode: staff.regionCode,
      staff,
      staffUserId: Number(staff.id),
    });
  }

  @Get('reports/:reportId')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="import-errors.csv"')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    schema: { type: 'string' },
    description:
      'Every bad cell of a refused import (行号, 列, 原因), as csv whose cells cannot run as formulas; only for the account that uploaded the file, for a day',
  })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'NOT_FOUND: no such report of yours' })
  async getImportErrorReport(
    @CurrentPrincipal() staff: StaffPrincipal,
    @Param() { reportId }: ImportReportParamsDto,
  ): Promise<StreamableFile> {
    return new StreamableFile(await this.importService.openErrorReport(Number(staff.id), reportId));
  }
}
