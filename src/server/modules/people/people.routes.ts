import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { principalOf } from '../../http/security.ts';
import {
  auditQuery,
  auditResponse,
  createPersonBody,
  personDetail,
  personParams,
  searchQuery,
  searchResponse,
} from './people.schemas.ts';
import type { PeopleService } from './people.service.ts';

/** A caller may state why they open a record; it is kept in the audit trail. */
function purposeOf(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.trim().slice(0, 200) || undefined;
}

export function peopleRoutes(app: FastifyInstance, service: PeopleService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['people'];

  r.get(
    '/api/v1/people',
    {
      config: { access: { permission: 'person.search' } },
      schema: { tags, querystring: searchQuery, response: { 200: searchResponse } },
    },
    (req) => service.search(principalOf(req), req.query.q, req.query),
  );

  r.post(
    '/api/v1/people',
    {
      config: { access: { permission: 'person.create' } },
      schema: { tags, body: createPersonBody, response: { 201: personDetail } },
    },
    async (req, reply) => reply.status(201).send(await service.create(principalOf(req), req.body)),
  );

  r.get(
    '/api/v1/people/:id',
    {
      config: { access: { permission: 'person.read' } },
      schema: { tags, params: personParams, response: { 200: personDetail } },
    },
    (req) => service.read(principalOf(req), req.params.id, purposeOf(req.headers['x-purpose'])),
  );

  r.get(
    '/api/v1/people/:id/audit',
    {
      config: { access: { permission: 'person.audit.read' } },
      schema: { tags, params: personParams, querystring: auditQuery, response: { 200: auditResponse } },
    },
    (req) => service.auditTrail(principalOf(req), req.params.id, req.query),
  );
}
