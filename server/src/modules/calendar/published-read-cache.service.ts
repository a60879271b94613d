import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { cachedJson, sendCachedBody } from '../../common/http-cache/cached-body';
import type { CachedBody, SendCachedOptions } from '../../common/http-cache/cached-body';
import { GenerationCache } from '../../common/http-cache/generation-cache';
import { NoticeYearRegistry } from './notice-year-registry.service';

// Public, the same for everyone: a phone may keep it a minute, then asks again with its ETag
// (answered 304 until the office publishes).
export const PUBLISHED_READ_CACHE_CONTROL = 'public, max-age=60';

/**
 * Answers made only from the published notices (calendars, the notice list, the first screen),
 * made once per change of what is published and then sent from memory with an ETag. On notice
 * day every phone asks for the same few answers; none of them should cost a query.
 */
@Injectable()
export class PublishedReadCache {
  private readonly bodies = new GenerationCache<CachedBody>();

  constructor(private readonly noticeYears: NoticeYearRegistry) {}

  // `key` names the answer among the generation's (the validated parameters, never raw input).
  async body(key: string, make: () => Promise<CachedBody>): Promise<CachedBody> {
    await this.noticeYears.ensureFresh();
    return this.bodies.get(key, this.noticeYears.generation, make);
  }

  async sendJson(
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    make: () => Promise<unknown>,
    options: SendCachedOptions = { cacheControl: PUBLISHED_READ_CACHE_CONTROL },
  ): Promise<void> {
    const cached = await this.body(key, async () => cachedJson(await make()));
    await sendCachedBody(request, reply, cached, options);
  }
}
