import { Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';

import { FEEDBACK_STATE } from '@titletrack/shared/contract';
import type { FeedbackState } from '@titletrack/shared/contract';

import { sqlTime } from '../../database/sql-dialect';
import { UnitOfWork } from '../../database/unit-of-work';
import { FeedbackEntity } from './feedback.entity';

export type NewFeedback = Pick<
  FeedbackEntity,
  'applicantId' | 'regionCode' | 'category' | 'text' | 'contactSealed'
>;

// Which items a list shows: null means any.
export interface FeedbackFilter {
  regionCode: string | null;
  state: FeedbackState | null;
}

// The one owner of `feedback`.
@Injectable()
export class FeedbackRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get items(): Repository<FeedbackEntity> {
    return this.unitOfWork.repository(FeedbackEntity);
  }

  async create(feedback: NewFeedback): Promise<number> {
    const result = await this.unitOfWork.write(() =>
      this.items.insert({ ...feedback, state: FEEDBACK_STATE.OPEN, replyCount: 0 }),
    );
    return Number(result.identifiers[0]?.id);
  }

  getById(id: number): Promise<FeedbackEntity | null> {
    return this.items.findOneBy({ id });
  }

  // Newest first.
  getByApplicant(applicantId: number, limit: number): Promise<FeedbackEntity[]> {
    return this.items.find({ where: { applicantId }, order: { id: 'DESC' }, take: limit });
  }

  // Newest first.
  getPage(filter: FeedbackFilter, offset: number, limit: number): Promise<FeedbackEntity[]> {
    return this.items.find({
      where: this.where(filter),
      order: { id: 'DESC' },
      skip: offset,
      take: limit,
    });
  }

  count(filter: FeedbackFilter): Promise<number> {
    return this.items.count({ where: this.where(filter) });
  }

  // Sets the latest reply and counts it; a handled item stays handled, and `isHandled` closes it
  // (keeping the first time it was closed). One statement, so two staff replying at once each
  // get their own reply number.
  reply(
    id: number,
    fields: { reply: string; staffUserId: number; isHandled: boolean },
    now: Date,
  ): Promise<number> {
    const state = fields.isHandled
      ? "state = 'handled', handledAt = COALESCE(handledAt, ?)"
      : "state = CASE WHEN state = 'handled' THEN 'handled' ELSE 'replied' END";
    return this.unitOfWork.affected(
      `UPDATE feedback SET reply = ?, replyCount = replyCount + 1, repliedAt = ?,
         repliedByStaffUserId = ?, updatedAt = ?, ${state}
       WHERE id = ?`,
      [
        fields.reply,
        sqlTime(now),
        fields.staffUserId,
        sqlTime(now),
        ...(fields.isHandled ? [sqlTime(now)] : []),
        id,
      ],
    );
  }

  // Handling twice keeps the first time.
  markHandled(id: number, now: Date): Promise<number> {
    return this.unitOfWork.affected(
      "UPDATE feedback SET state = 'handled', handledAt = ?, updatedAt = ? WHERE id = ? AND state <> 'handled'",
      [sqlTime(now), sqlTime(now), id],
    );
  }

  private where(filter: FeedbackFilter): Partial<Pick<FeedbackEntity, 'regionCode' | 'state'>> {
    return {
      ...(filter.regionCode === null ? {} : { regionCode: filter.regionCode }),
      ...(filter.state === null ? {} : { state: filter.state }),
    };
  }
}
