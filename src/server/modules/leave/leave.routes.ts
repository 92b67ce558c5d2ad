import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { principalOf } from '../../http/security.ts';
import {
  appealBody,
  appealOutcomeBody,
  application,
  createBody,
  decisionBody,
  idParams,
  listQuery,
  listResponse,
  personLeave,
  returnBody,
  reviewBody,
  reviewQuery,
  reviewResponse,
  statisticsQuery,
  statisticsResponse,
  versionBody,
} from './leave.schemas.ts';
import type { LeaveService } from './leave.service.ts';

export function leaveRoutes(app: FastifyInstance, service: LeaveService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['leave'];
  const read = { access: { permission: 'leave.read' as const } };
  const apply = { access: { permission: 'leave.apply' as const } };
  const decide = { access: { permission: 'leave.decide' as const } };
  const one = <B extends z.ZodType>(body: B) => ({
    tags,
    params: idParams,
    body,
    response: { 200: application },
  });

  r.get(
    '/api/v1/leave/applications',
    { config: read, schema: { tags, querystring: listQuery, response: { 200: listResponse } } },
    (req) => service.list(principalOf(req), req.query),
  );
  r.post(
    '/api/v1/leave/applications',
    { config: apply, schema: { tags, body: createBody, response: { 201: application } } },
    async (req, reply) => reply.code(201).send(await service.apply(principalOf(req), req.body)),
  );
  r.get(
    '/api/v1/leave/applications/:id',
    { config: read, schema: { tags, params: idParams, response: { 200: application } } },
    (req) => service.detail(principalOf(req), req.params.id),
  );
  r.post('/api/v1/leave/applications/:id/decision', { config: decide, schema: one(decisionBody) }, (req) =>
    service.decide(principalOf(req), req.params.id, req.body),
  );
  r.post('/api/v1/leave/applications/:id/appeal', { config: apply, schema: one(appealBody) }, (req) =>
    service.appeal(principalOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/leave/applications/:id/appeal/outcome',
    { config: decide, schema: one(appealOutcomeBody) },
    (req) => service.appealOutcome(principalOf(req), req.params.id, req.body),
  );
  r.post('/api/v1/leave/applications/:id/return', { config: apply, schema: one(returnBody) }, (req) =>
    service.recordReturn(principalOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/leave/applications/:id/victim-notified',
    { config: decide, schema: one(versionBody) },
    (req) => service.victimNotified(principalOf(req), req.params.id, req.body),
  );
  r.post('/api/v1/leave/applications/:id/review', { config: decide, schema: one(reviewBody) }, (req) =>
    service.review(principalOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/v1/leave/review',
    { config: read, schema: { tags, querystring: reviewQuery, response: { 200: reviewResponse } } },
    (req) => service.reviewList(principalOf(req), req.query),
  );
  r.get(
    '/api/v1/leave/statistics',
    { config: read, schema: { tags, querystring: statisticsQuery, response: { 200: statisticsResponse } } },
    (req) => service.statistics(principalOf(req), req.query),
  );
  r.get(
    '/api/v1/people/:id/leave',
    { config: read, schema: { tags, params: idParams, response: { 200: personLeave } } },
    (req) => service.forPerson(principalOf(req), req.params.id),
  );
}
