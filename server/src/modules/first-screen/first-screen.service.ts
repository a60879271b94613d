import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { Inject, Injectable } from '@nestjs/common';

import { EVALUATION_ROUTE } from '@titletrack/shared/calendar';
import { APP_ENVIRONMENT } from '@titletrack/shared/contract';
import type { CalendarRoundResponse, FirstScreenData } from '@titletrack/shared/contract';
import { beijingDateOf } from '@titletrack/shared/domain';
import { DEFAULT_LOCALE, createTranslator, zhCN } from '@titletrack/shared/locales';
import type { Locale, Translate } from '@titletrack/shared/locales';
import { ug } from '@titletrack/shared/locales/ug';
import { HOTAN_REGION_CODE } from '@titletrack/shared/region';

import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { cachedBody } from '../../common/http-cache/cached-body';
import type { CachedBody } from '../../common/http-cache/cached-body';
import { CalendarService } from '../calendar/calendar.service';
import { PublishedReadCache } from '../calendar/published-read-cache.service';
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

// The page's countdown counts minutes: it is drawn at most once a minute per language (and
// again when the notices or the build change), then sent from memory.
const DRAWN_FOR_MS = 60_000;
// How often the build's index.html is looked at for a rebuild (`npm run dev:h5`).
const BUILD_CHECK_MS = 2_000;

@Injectable()
export class FirstScreenService {
  private built: { mtimeMs: number; html: string } | null = null;
  private builtCheckedAt = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendarService: CalendarService,
    private readonly noticeService: NoticeService,
    private readonly publishedReads: PublishedReadCache,
  ) {}

  // The default region's round this Beijing year, as GET /api/calendars/round answers it for a
  // phone that has chosen nothing, and GET /api/notices, in one piece. The page data carries the
  // calendar shown (this year's, else the latest earlier one); the app tells the two apart by
  // its year, as the page does.
  async getData(now: Date): Promise<{ data: FirstScreenData; round: CalendarRoundResponse }> {
    const year = Number(beijingDateOf(now).slice(0, 4));
    const [round, notices] = await Promise.all([
      this.calendarService.getRound(HOTAN_REGION_CODE, year, EVALUATION_ROUTE.PREFECTURE_DIRECTED),
      this.noticeService.getAll(),
    ]);
    return {
      round,
      data: {
        calendar: round.isPublished ? round.calendar : round.previous,
        notices: notices.items,
        isClockOverrideAllowed: this.config.environment !== APP_ENVIRONMENT.PRODUCTION,
        renderedAt: now.toISOString(),
      },
    };
  }

  // The H5 build's index.html with the first screen in it, as sent: drawn at the start of its
  // minute and kept for that minute; null when there is no build.
  async page(locale: Locale, now = new Date()): Promise<CachedBody | null> {
    const indexHtml = await this.readBuiltIndex(now.getTime());
    if (indexHtml === null) return null;
    const drawnAt = new Date(Math.floor(now.getTime() / DRAWN_FOR_MS) * DRAWN_FOR_MS);
    const key = `first-screen:${locale}:${drawnAt.getTime()}:${String(this.built?.mtimeMs)}`;
    return this.publishedReads.body(key, async () => {
      const { data, round } = await this.getData(drawnAt);
      const firstScreen = renderFirstScreen({
        data,
        round,
        now: drawnAt,
        locale,
        t: TRANSLATORS[locale],
      });
      return cachedBody(
        injectFirstScreen(indexHtml, firstScreen, data, locale),
        'text/html; charset=utf-8',
      );
    });
  }

  // Read again only when the build changed (`npm run dev:h5` rewrites it).
  private async readBuiltIndex(now: number): Promise<string | null> {
    if (this.built && now - this.builtCheckedAt < BUILD_CHECK_MS) return this.built.html;
    const path = join(this.config.h5Dir, 'index.html');
    const info = await stat(path).catch(() => null);
    this.builtCheckedAt = now;
    if (!info) {
      this.built = null;
      return null;
    }
    if (this.built?.mtimeMs !== info.mtimeMs)
      this.built = { mtimeMs: info.mtimeMs, html: await readFile(path, 'utf8') };
    return this.built.html;
  }
}
