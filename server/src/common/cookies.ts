import { parseCookie } from 'cookie';
import type { FastifyRequest } from 'fastify';

// One cookie of the request, decoded (a value whose escape is broken is kept as it was sent,
// never thrown on); undefined when absent.
export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  return header ? parseCookie(header)[name] : undefined;
}
