import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/types.ts';

export function healthRoutes(app: FastifyInstance, db: Kysely<Database>) {
  app.get(
    '/health/live',
    { config: { access: { public: true } }, schema: { tags: ['health'] } },
    async () => ({ status: 'ok' }),
  );
  app.get(
    '/health/ready',
    { config: { access: { public: true } }, schema: { tags: ['health'] } },
    async (_req, reply) => {
      try {
        await sql`select 1`.execute(db);
        return { status: 'ok', database: 'ok' };
      } catch {
        return reply.status(503).send({ status: 'unavailable', database: 'unreachable' });
      }
    },
  );
}
