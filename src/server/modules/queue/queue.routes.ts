import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { principalOf } from '../../http/security.ts';
import { personDetail } from '../people/people.schemas.ts';
import {
  admissionBody,
  postponementBody,
  queueItem,
  queueQuery,
  queueResponse,
  sentenceParams,
  summonsBody,
} from './queue.schemas.ts';
import type { QueueService } from './queue.service.ts';

export function queueRoutes(app: FastifyInstance, service: QueueService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['queue'];

  r.get(
    '/api/v1/queue',
    {
      config: { access: { permission: 'queue.read' } },
      schema: { tags, querystring: queueQuery, response: { 200: queueResponse } },
    },
    (req) => {
      const { ageGroup, summoned, page, pageSize } = req.query;
      return service.list(
        principalOf(req),
        { ageGroup, summoned: summoned === undefined ? undefined : summoned === 'true' },
        { page, pageSize },
      );
    },
  );

  r.post(
    '/api/v1/sentences/:id/summons',
    {
      config: { access: { permission: 'queue.summon' } },
      schema: { tags, params: sentenceParams, body: summonsBody, response: { 200: queueItem } },
    },
    (req) => service.summon(principalOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/v1/sentences/:id/postponements',
    {
      config: { access: { permission: 'queue.postpone' } },
      schema: { tags, params: sentenceParams, body: postponementBody, response: { 200: queueItem } },
    },
    (req) => service.postpone(principalOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/v1/sentences/:id/admission',
    {
      config: { access: { permission: 'placement.admit' } },
      schema: { tags, params: sentenceParams, body: admissionBody, response: { 200: personDetail } },
    },
    (req) => service.admit(principalOf(req), req.params.id, req.body),
  );
}
