import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  asOfQuery,
  facilityDetailResponse,
  facilityListQuery,
  facilityListResponse,
  idParams,
  organisationResponse,
} from './organisation.schemas.ts';
import type { OrganisationService } from './organisation.service.ts';

export function organisationRoutes(app: FastifyInstance, service: OrganisationService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = { permission: 'organisation.read' } as const;
  const tags = ['organisation'];

  r.get(
    '/api/v1/organisation',
    { config: { access }, schema: { tags, querystring: asOfQuery, response: { 200: organisationResponse } } },
    (req) => service.tree(req.query.asOf),
  );

  r.get(
    '/api/v1/facilities',
    {
      config: { access },
      schema: { tags, querystring: facilityListQuery, response: { 200: facilityListResponse } },
    },
    (req) => service.list({ kind: req.query.kind, q: req.query.q }, req.query),
  );

  r.get(
    '/api/v1/facilities/:id',
    {
      config: { access },
      schema: { tags, params: idParams, querystring: asOfQuery, response: { 200: facilityDetailResponse } },
    },
    (req) => service.facility(req.params.id, req.query.asOf),
  );
}
