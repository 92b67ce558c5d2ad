import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { principalOf } from '../../http/security.ts';
import {
  catalogueResponse,
  createBody,
  endBody,
  facilityMeasures,
  idParams,
  listQuery,
  listResponse,
  measure,
  nationalView,
  onQuery,
  publicCodeParams,
  publicFacilities,
  publicFacility,
  reviewsQuery,
  reviewsResponse,
  scopeOptions,
  updateBody,
} from './measures.schemas.ts';
import type { MeasuresService } from './measures.service.ts';

export function measuresRoutes(app: FastifyInstance, service: MeasuresService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['measures'];
  const read = { access: { permission: 'measures.read' as const } };
  const manage = { access: { permission: 'measures.manage' as const } };

  r.get(
    '/api/v1/measures/catalogue',
    { config: read, schema: { tags, response: { 200: catalogueResponse } } },
    () => service.catalogue(),
  );
  r.get(
    '/api/v1/measures',
    { config: read, schema: { tags, querystring: listQuery, response: { 200: listResponse } } },
    (req) => service.list(principalOf(req), req.query),
  );
  r.get(
    '/api/v1/measures/national',
    { config: read, schema: { tags, querystring: onQuery, response: { 200: nationalView } } },
    (req) => service.national(principalOf(req), req.query.on),
  );
  r.get(
    '/api/v1/measures/reviews',
    { config: read, schema: { tags, querystring: reviewsQuery, response: { 200: reviewsResponse } } },
    (req) => service.reviews(principalOf(req), req.query.withinDays),
  );
  r.get(
    '/api/v1/measures/scopes',
    { config: read, schema: { tags, response: { 200: scopeOptions } } },
    (req) => service.scopeOptions(principalOf(req)),
  );
  r.get(
    '/api/v1/facilities/:id/measures',
    {
      config: read,
      schema: { tags, params: idParams, querystring: onQuery, response: { 200: facilityMeasures } },
    },
    (req) => service.inForceForFacility(principalOf(req), req.params.id, req.query.on),
  );
  r.post(
    '/api/v1/measures',
    { config: manage, schema: { tags, body: createBody, response: { 201: measure } } },
    async (req, reply) => {
      const created = await service.create(principalOf(req), req.body);
      return reply.code(201).send(created);
    },
  );
  r.put(
    '/api/v1/measures/:id',
    { config: manage, schema: { tags, params: idParams, body: updateBody, response: { 200: measure } } },
    (req) => service.update(principalOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/measures/:id/end',
    { config: manage, schema: { tags, params: idParams, body: endBody, response: { 200: measure } } },
    (req) => service.end(principalOf(req), req.params.id, req.body),
  );

  // For relatives: no sign-in, no personal data.
  r.get(
    '/api/v1/public/facilities',
    { config: { access: { public: true } }, schema: { tags, response: { 200: publicFacilities } } },
    () => service.publicFacilities(),
  );
  r.get(
    '/api/v1/public/facilities/:code',
    {
      config: { access: { public: true } },
      schema: { tags, params: publicCodeParams, response: { 200: publicFacility } },
    },
    (req) => service.publicFacility(req.params.code, req.locale),
  );
}
