import { Injectable } from '@nestjs/common';

import type { EvaluationRoute } from '@titletrack/shared/calendar';

export interface NoticePublished {
  calendarYearId: number;
  regionCode: string;
  regionName: string;
  year: number;
  route: EvaluationRoute;
  title: string;
  documentNumber: string;
}

// Told, inside the write that published a notice, that applicants can now see it.
export interface NoticePublishedListener {
  // Returns how many people it told.
  onNoticePublished(notice: NoticePublished, now: Date): Promise<number>;
}

// Lets modules that depend on calendars react to a publication (those who asked "通知发布时提醒我"
// are told) without the publishing module depending on them.
@Injectable()
export class NoticePublicationEvents {
  private readonly listeners: NoticePublishedListener[] = [];

  addListener(listener: NoticePublishedListener): void {
    this.listeners.push(listener);
  }

  async published(notice: NoticePublished, now: Date): Promise<number> {
    let told = 0;
    for (const listener of this.listeners) told += await listener.onNoticePublished(notice, now);
    return told;
  }
}
