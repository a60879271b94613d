import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { Inject, Injectable } from '@nestjs/common';

import { pickCalendarYear } from '@titletrack/shared/calendar';
import { APP_ENVIRONMENT } from '@titletrack/shared/contract';
import type { FirstScreenData } from '@titletrack/shared/contract';
import { DEFAULT_LOCALE, createTranslator, zhCN } from '@titletrack/shared/locales';
import type { Locale, Translate } from '@titletrack/shared/locales';
import { ug } from '@titletrack/shared/locales/ug';

import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { CalendarService } from '../calendar/calendar.service';
import { NoticeService } from '../notice/notice.service';
import { injectFirstScreen, renderFirstScreen } from './first-screen-page';

// One translator per language, made once: the page is drawn on every visit to "/".
const TRANSLATORS: Record<Locale, Translate> = {
  'zh-CN': createTranslator<Locale>({ [DEFAULT_LOCALE]: zhCN }, DEFAULT_LOCALE).t,
  ug: (() => {
    const translator = createTranslator<Locale>({ [DEFAULT_LOCALE]: zhCN, ug }, DEFAULT_LOCALE);
    translator.setLocale('ug');
    return translator.t;
  })(),
};

@Injectable()
export class FirstScreenService {
  private built: { mtimeMs: number; html: string } | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendarService: CalendarService,
    private readonly noticeService: NoticeService,
  ) {}

  // What GET /api/calendars/:year and GET /api/notices would answer now, in one piece.
  async getData(now: Date): Promise<FirstScreenData> {
    const [calendars, notices] = await Promise.all([
      this.calendarService.getAll(),
      this.noticeService.getAll(),
    ]);
    const year = pickCalendarYear(
      calendars.items.map((item) => item.year),
      now,
    );
    return {
      calendar: year === null ? null : await this.calendarService.get(year),
      notices: notices.items,
      isClockOverrideAllowed: this.config.environment !== APP_ENVIRONMENT.PRODUCTION,
      renderedAt: now.toISOString(),
    };
  }

  // The H5 build's index.html with the first screen in it; null when there is no build.
  async renderIndex(locale: Locale, now = new Date()): Promise<string | null> {
    const indexHtml = await this.readBuiltIndex();
    if (indexHtml === null) return null;
    const data = await this.getData(now);
    const firstScreen = renderFirstScreen({ data, now, locale, t: TRANSLATORS[locale] });
    return injectFirstScreen(indexHtml, firstScreen, data, locale);
  }

  // Read again only when the build changed (`npm run dev:h5` rewrites it).
  private async readBuiltIndex(): Promise<string | null> {
    const path = join(this.config.h5Dir, 'index.html');
    const info = await stat(path).catch(() => null);
    if (!info) return null;
    if (this.built?.mtimeMs !== info.mtimeMs)
      this.built = { mtimeMs: info.mtimeMs, html: await readFile(path, 'utf8') };
    return this.built.html;
  }
}
