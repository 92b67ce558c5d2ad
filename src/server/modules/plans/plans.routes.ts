import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { principalOf } from '../../http/security.ts';
import {
  agreementBody,
  contentBody,
  draftBody,
  goalParams,
  goalStatusBody,
  idParams,
  newVersionBody,
  overview,
  reviewBody,
  reviewsDueQuery,
  reviewsDueResponse,
} from './plans.schemas.ts';
import type { PlansService } from './plans.service.ts';

export function plansRoutes(app: FastifyInstance, service: PlansService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['plans'];
  const read = { access: { permission: 'plan.read' as const } };
  const manage = { access: { permission: 'plan.manage' as const } };

  r.get(
    '/api/v1/plans/reviews-due',
    {
      config: read,
      schema: {
        tags,
        summary:
          "Plans of a facility's inmates due for review within N days or overdue, and inmates assessed without a plan",
        querystring: reviewsDueQuery,
        response: { 200: reviewsDueResponse },
      },
    },
    (req) => service.reviewsDue(principalOf(req), req.query),
  );
  r.get(
    '/api/v1/people/:id/plan',
    { config: read, schema: { tags, params: idParams, response: { 200: overview } } },
    (req) => service.overview(principalOf(req), req.params.id),
  );
  r.post(
    '/api/v1/people/:id/plan',
    { config: manage, schema: { tags, params: idParams, body: contentBody, response: { 201: overview } } },
    async (req, reply) =>
      reply.code(201).send(await service.create(principalOf(req), req.params.id, req.body)),
  );
  r.put(
    '/api/v1/plan-versions/:id',
    { config: manage, schema: { tags, params: idParams, body: draftBody, response: { 200: overview } } },
    (req) => service.updateDraft(principalOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/plan-versions/:id/agreement',
    { config: manage, schema: { tags, params: idParams, body: agreementBody, response: { 200: overview } } },
    (req) => service.decide(principalOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/plans/:id/versions',
    { config: manage, schema: { tags, params: idParams, body: newVersionBody, response: { 201: overview } } },
    async (req, reply) =>
      reply.code(201).send(await service.newVersion(principalOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/plans/:id/goals/:key/status',
    {
      config: manage,
      schema: { tags, params: goalParams, body: goalStatusBody, response: { 200: overview } },
    },
    (req) => service.goalStatus(principalOf(req), req.params.id, req.params.key, req.body),
  );
  r.post(
    '/api/v1/plans/:id/reviews',
    { config: manage, schema: { tags, params: idParams, body: reviewBody, response: { 201: overview } } },
    async (req, reply) =>
      reply.code(201).send(await service.review(principalOf(req), req.params.id, req.body)),
  );
}
