import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { principalOf } from '../../http/security.ts';
import {
  assessment,
  createBody,
  dueQuery,
  dueResponse,
  endBody,
  idParams,
  liftBody,
  nonAssociation,
  nonAssociationBody,
  overview,
  restriction,
  restrictionBody,
} from './assessments.schemas.ts';
import type { AssessmentsService } from './assessments.service.ts';

export function assessmentsRoutes(app: FastifyInstance, service: AssessmentsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['assessments'];
  const read = { access: { permission: 'assessment.read' as const } };
  const manage = { access: { permission: 'assessment.manage' as const } };

  r.get(
    '/api/v1/people/:id/assessments',
    { config: read, schema: { tags, params: idParams, response: { 200: overview } } },
    (req) => service.overview(principalOf(req), req.params.id),
  );
  r.post(
    '/api/v1/people/:id/assessments',
    { config: manage, schema: { tags, params: idParams, body: createBody, response: { 201: assessment } } },
    async (req, reply) =>
      reply.code(201).send(await service.create(principalOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/v1/assessments/due',
    { config: read, schema: { tags, querystring: dueQuery, response: { 200: dueResponse } } },
    (req) => service.due(principalOf(req), req.query),
  );
  r.get(
    '/api/v1/assessments/:id',
    { config: read, schema: { tags, params: idParams, response: { 200: assessment } } },
    (req) => service.detail(principalOf(req), req.params.id),
  );
  r.post(
    '/api/v1/people/:id/restrictions',
    {
      config: manage,
      schema: { tags, params: idParams, body: restrictionBody, response: { 201: restriction } },
    },
    async (req, reply) =>
      reply.code(201).send(await service.addRestriction(principalOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/restrictions/:id/lift',
    { config: manage, schema: { tags, params: idParams, body: liftBody, response: { 200: restriction } } },
    (req) => service.liftRestriction(principalOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/people/:id/non-associations',
    {
      config: manage,
      schema: { tags, params: idParams, body: nonAssociationBody, response: { 201: nonAssociation } },
    },
    async (req, reply) =>
      reply.code(201).send(await service.addNonAssociation(principalOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/non-associations/:id/end',
    { config: manage, schema: { tags, params: idParams, body: endBody, response: { 200: nonAssociation } } },
    (req) => service.endNonAssociation(principalOf(req), req.params.id, req.body),
  );
}
