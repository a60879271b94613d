import { Controller, Get, Header, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { FIRST_SCREEN } from '@titletrack/shared/contract';
import { DEFAULT_LOCALE, isLocale } from '@titletrack/shared/locales';
import type { Locale } from '@titletrack/shared/locales';

import { FirstScreenService } from './first-screen.service';

// The H5 app's page, outside /api (see app.setup.ts): "/" and "/index.html".
export const FIRST_SCREEN_PAGE_ROUTES = ['/', 'index.html'] as const;

function localeOf(request: Request): Locale {
  const cookie = String(request.headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === FIRST_SCREEN.localeCookie);
  const value = cookie ? decodeURIComponent(cookie[1] ?? '') : '';
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

@ApiExcludeController()
@Controller()
export class FirstScreenController {
  constructor(private readonly firstScreenService: FirstScreenService) {}

  @Get([...FIRST_SCREEN_PAGE_ROUTES])
  // The page carries today's countdown and the latest notices: never stale from a cache. The
  // scripts it loads are cached as before.
  @Header('Cache-Control', 'no-cache')
  async page(@Req() request: Request, @Res() response: Response): Promise<void> {
    const locale = localeOf(request);
    const html = await this.firstScreenService.renderIndex(locale);
    if (html === null) throw new NotFoundException();
    response.vary('Cookie').type('html').send(html);
  }
}
