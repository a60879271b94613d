import { Injectable, PayloadTooLargeException } from '@nestjs/common';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { catchError } from 'rxjs';
import type { Observable } from 'rxjs';

import { ERROR_CODE, NOTICE_DRAFT_LIMITS } from '@titletrack/shared/contract';

import { AppException } from '../../common/app.exception';

// Multer stops reading a file over its size limit and answers a bare 413; the mini-app needs the
// code to say what the limit is. Placed outside FileInterceptor, this only ever sees multer's
// refusal, before the handler runs.
@Injectable()
export class NoticeFileLimitInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (!(error instanceof PayloadTooLargeException)) throw error;
        throw new AppException(ERROR_CODE.NOTICE_FILE_TOO_LARGE, 'The notice file is too large', {
          details: { maxBytes: NOTICE_DRAFT_LIMITS.maxFileBytes },
        });
      }),
    );
  }
}
