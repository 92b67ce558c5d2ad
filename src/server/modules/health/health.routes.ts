import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { principalOf } from '../../http/security.ts';
import {
  addRosterBody,
  contactsQuery,
  contactsResponse,
  createStaffBody,
  endBody,
  facilitiesResponse,
  idParams,
  personStatusesResponse,
  quarantineBody,
  quarantineResponse,
  recordBody,
  rosterEntry,
  rosterQuery,
  rosterResponse,
  staffMember,
  staffResponse,
  statusListQuery,
  statusListResponse,
  statusView,
} from './health.schemas.ts';
import type { HealthService } from './health.service.ts';

/** Health status, the staff register and roster, and contact tracing. */
export function healthStatusRoutes(app: FastifyInstance, service: HealthService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['health'];
  const read = { access: { permission: 'health.read' as const } };
  const manage = { access: { permission: 'health.manage' as const } };
  const rosterRead = { access: { permission: 'roster.read' as const } };
  const rosterManage = { access: { permission: 'roster.manage' as const } };

  r.get(
    '/api/v1/health/facilities',
    { config: { access: { authenticated: true } }, schema: { tags, response: { 200: facilitiesResponse } } },
    (req) => service.facilities(principalOf(req)),
  );

  r.get(
    '/api/v1/health/statuses',
    { config: read, schema: { tags, querystring: statusListQuery, response: { 200: statusListResponse } } },
    (req) => service.list(principalOf(req), req.query.facilityId, req.query.on),
  );
  r.post(
    '/api/v1/health/statuses',
    { config: manage, schema: { tags, body: recordBody, response: { 201: statusView } } },
    async (req, reply) => reply.code(201).send(await service.record(principalOf(req), req.body)),
  );
  r.post(
    '/api/v1/health/statuses/:id/end',
    { config: manage, schema: { tags, params: idParams, body: endBody, response: { 200: statusView } } },
    (req) => service.end(principalOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/v1/health/statuses/:id/contacts',
    {
      config: read,
      schema: { tags, params: idParams, querystring: contactsQuery, response: { 200: contactsResponse } },
    },
    (req) => service.contacts(principalOf(req), req.params.id, req.query.days),
  );
  r.post(
    '/api/v1/health/statuses/:id/quarantine',
    {
      config: manage,
      schema: { tags, params: idParams, body: quarantineBody, response: { 200: quarantineResponse } },
    },
    (req) => service.quarantine(principalOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/v1/people/:id/health',
    { config: read, schema: { tags, params: idParams, response: { 200: personStatusesResponse } } },
    (req) => service.ofPerson(principalOf(req), req.params.id),
  );

  r.get(
    '/api/v1/facilities/:id/staff',
    { config: rosterRead, schema: { tags, params: idParams, response: { 200: staffResponse } } },
    (req) => service.staff(principalOf(req), req.params.id),
  );
  r.post(
    '/api/v1/staff',
    { config: rosterManage, schema: { tags, body: createStaffBody, response: { 201: staffMember } } },
    async (req, reply) => reply.code(201).send(await service.createStaff(principalOf(req), req.body)),
  );
  r.get(
    '/api/v1/facilities/:id/roster',
    {
      config: rosterRead,
      schema: { tags, params: idParams, querystring: rosterQuery, response: { 200: rosterResponse } },
    },
    (req) => service.roster(principalOf(req), req.params.id, req.query.from, req.query.to),
  );
  r.post(
    '/api/v1/roster',
    { config: rosterManage, schema: { tags, body: addRosterBody, response: { 201: rosterEntry } } },
    async (req, reply) => reply.code(201).send(await service.addRoster(principalOf(req), req.body)),
  );
  r.delete(
    '/api/v1/roster/:id',
    { config: rosterManage, schema: { tags, params: idParams } },
    async (req, reply) => {
      await service.removeRoster(principalOf(req), req.params.id);
      return reply.code(204).send();
    },
  );
}
