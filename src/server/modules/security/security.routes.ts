import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { principalOf } from '../../http/security.ts';
import {
  classification,
  classifyBody,
  criteria,
  idParams,
  levelResult,
  onQuery,
  overview,
  unitLevelsResponse,
  unitQuery,
} from './security.schemas.ts';
import type { SecurityService } from './security.service.ts';

export function securityRoutes(app: FastifyInstance, service: SecurityService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['security'];
  const read = { access: { permission: 'security.read' as const } };
  const classify = { access: { permission: 'security.classify' as const } };

  r.get(
    '/api/v1/security/facilities',
    { config: read, schema: { tags, querystring: onQuery, response: { 200: overview } } },
    (req) => service.overview(principalOf(req), req.query),
  );
  r.get(
    '/api/v1/facilities/:id/security',
    {
      config: read,
      schema: { tags, params: idParams, querystring: unitQuery, response: { 200: unitLevelsResponse } },
    },
    (req) => service.unit(principalOf(req), req.params.id, req.query),
  );
  r.post(
    '/api/v1/security/level',
    { config: read, schema: { tags, body: criteria, response: { 200: levelResult } } },
    (req) => service.preview(req.body),
  );
  r.post(
    '/api/v1/facilities/:id/security/classifications',
    {
      config: classify,
      schema: { tags, params: idParams, body: classifyBody, response: { 201: classification } },
    },
    async (req, reply) =>
      reply.code(201).send(await service.classify(principalOf(req), req.params.id, req.body)),
  );
}
