import { Controller, Get, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { FIRST_SCREEN } from '@titletrack/shared/contract';
import { DEFAULT_LOCALE, isLocale } from '@titletrack/shared/locales';
import type { Locale } from '@titletrack/shared/locales';

import { readCookie } from '../../common/cookies';
import { sendCachedBody } from '../../common/http-cache/cached-body';
import { FirstScreenService } from './first-screen.service';

// The H5 app's page, outside /api (see app.setup.ts): "/" and "/index.html".
export const FIRST_SCREEN_PAGE_ROUTES = ['/', 'index.html'] as const;

function localeOf(request: FastifyRequest): Locale {
  const value = readCookie(request, FIRST_SCREEN.localeCookie) ?? '';
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

@ApiExcludeController()
@Controller()
export class FirstScreenController {
  constructor(private readonly firstScreenService: FirstScreenService) {}

  @Get([...FIRST_SCREEN_PAGE_ROUTES])
  async page(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const page = await this.firstScreenService.page(localeOf(request));
    if (page === null) throw new NotFoundException();
    // The page carries today's countdown and the latest notices: the browser asks every time
    // (a 304 when nothing changed); the scripts it loads are cached as before.
    await sendCachedBody(request, reply, page, { cacheControl: 'no-cache', vary: 'Cookie' });
  }
}
