import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { API_PREFIX } from '@titletrack/shared/contract';

export type WriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface WriteRoute {
  method: WriteMethod;
  // As declared, with `:name` parameters: `/api/me/bindings/:id`.
  path: string;
  params: string[];
  // The handler takes a validated @Body() (a DTO): unknown fields in it are refused.
  hasBodyDto: boolean;
  // The handler reads a multipart form (Swagger's consumes says so).
  isMultipart: boolean;
  handler: string;
}

const WRITE_METHODS: Partial<Record<RequestMethod, WriteMethod>> = {
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.PATCH]: 'PATCH',
  [RequestMethod.DELETE]: 'DELETE',
};

const asList = (path: unknown): string[] =>
  Array.isArray(path) ? path.map(String) : [typeof path === 'string' ? path : ''];

const joinPath = (...parts: string[]): string =>
  `/${parts
    .flatMap((part) => part.split('/'))
    .filter((part) => part.length > 0)
    .join('/')}`;

/**
 * Every POST, PUT, PATCH and DELETE route of the running application, read from the controllers
 * Nest registered, so a route added later is fuzzed without anyone listing it. Each route is
 * checked against Fastify's own table, so a path computed wrongly fails loudly instead of
 * fuzzing a 404.
 */
export function listWriteRoutes(app: INestApplication): WriteRoute[] {
  const routes: WriteRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const { metatype } = wrapper;
      if (!metatype || typeof metatype !== 'function') continue;
      const controllerPaths = asList(Reflect.getMetadata(PATH_METADATA, metatype));
      const prototype = metatype.prototype as Record<string, unknown>;
      for (const handler of Object.getOwnPropertyNames(prototype)) {
        const fn = prototype[handler];
        if (handler === 'constructor' || typeof fn !== 'function') continue;
        const requestMethod = Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod | undefined;
        const method = requestMethod === undefined ? undefined : WRITE_METHODS[requestMethod];
        if (!method) continue;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, metatype, handler) ?? {}) as Record<
          string,
          unknown
        >;
        const hasBodyDto = Object.keys(args).some(
          (key) => key.split(':')[0] === String(RouteParamtypes.BODY),
        );
        const consumes = (Reflect.getMetadata('swagger/apiConsumes', fn) ?? []) as string[];
        for (const controllerPath of controllerPaths) {
          for (const methodPath of asList(Reflect.getMetadata(PATH_METADATA, fn))) {
            const path = joinPath(API_PREFIX, controllerPath, methodPath);
            routes.push({
              method,
              path,
              params: [...path.matchAll(/:(\w+)/g)].map((match) => match[1] ?? ''),
              hasBodyDto,
              isMultipart: consumes.includes('multipart/form-data'),
              handler: `${metatype.name}.${handler}`,
            });
          }
        }
      }
    }
  }
  const fastify = (app as NestFastifyApplication).getHttpAdapter().getInstance();
  for (const route of routes) {
    if (!fastify.hasRoute({ method: route.method, url: route.path }))
      throw new Error(`${route.method} ${route.path} (${route.handler}) is not served`);
  }
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}
