import fastifyCompress from '@fastify/compress';
import Fastify from 'fastify';

import { exemptRoutesFromCompression } from './skip-compression';

describe('exemptRoutesFromCompression', () => {
  const body = JSON.stringify({ text: '和田地区职称评审'.repeat(400) });

  async function appWithTwoRoutes(): Promise<ReturnType<typeof Fastify>> {
    const app = Fastify();
    exemptRoutesFromCompression(app);
    await app.register(fastifyCompress, { encodings: ['gzip'], globalDecompression: false });
    app.get('/plain', { config: { skipsCompression: true } }, (_request, reply) =>
      reply.type('application/json').send(body),
    );
    app.get('/compressed', (_request, reply) => reply.type('application/json').send(body));
    await app.ready();
    return app;
  }

  it('leaves a marked route to its handler and still gzips the others', async () => {
    const app = await appWithTwoRoutes();
    const headers = { 'accept-encoding': 'gzip' };
    const marked = await app.inject({ method: 'GET', url: '/plain', headers });
    const other = await app.inject({ method: 'GET', url: '/compressed', headers });
    expect(marked.headers['content-encoding']).toBeUndefined();
    expect(marked.body).toBe(body);
    expect(other.headers['content-encoding']).toBe('gzip');
    await app.close();
  });
});
