import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { principalOf } from '../../http/security.ts';
import {
  cohortApplyBody,
  cohortApplyResponse,
  cohortQuery,
  cohortResponse,
  facilityParams,
  moveBody,
  moveResponse,
  personParams,
} from './placement.schemas.ts';
import type { PlacementService } from './placement.service.ts';

export function placementRoutes(app: FastifyInstance, service: PlacementService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['placement'];

  r.post(
    '/api/v1/people/:id/moves',
    {
      config: { access: { permission: 'placement.admit' } },
      schema: { tags, params: personParams, body: moveBody, response: { 200: moveResponse } },
    },
    (req) => service.move(principalOf(req), req.params.id, req.body, req.locale),
  );

  // It names infected inmates: health data, so health.read and the facility in scope.
  r.get(
    '/api/v1/facilities/:id/cohort-proposal',
    {
      config: { access: { permission: 'health.read' } },
      schema: { tags, params: facilityParams, querystring: cohortQuery, response: { 200: cohortResponse } },
    },
    (req) => service.cohortProposal(principalOf(req), req.params.id, req.query, req.locale),
  );

  r.post(
    '/api/v1/facilities/:id/cohort-proposal/apply',
    {
      config: { access: { permission: 'placement.admit' } },
      schema: { tags, params: facilityParams, body: cohortApplyBody, response: { 200: cohortApplyResponse } },
    },
    (req) => service.applyCohort(principalOf(req), req.params.id, req.body, req.locale),
  );
}
