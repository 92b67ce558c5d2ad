import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { principalOf } from '../../http/security.ts';
import {
  assessmentResponse,
  bookBody,
  cancelBody,
  closureBody,
  closureParams,
  dateQuery,
  decisionBody,
  facilitiesResponse,
  idParams,
  noticeResponse,
  requestBody,
  restrictionBody,
  reviewBody,
  reviewQuery,
  reviewResponse,
  roomBody,
  roomsResponse,
  slotBody,
  slotsResponse,
  templateBody,
  templateParams,
  visit,
  visitIdParams,
  visitorBody,
  visitorParams,
  visitorsResponse,
  visitParams,
  visitsResponse,
} from './visits.schemas.ts';
import type { VisitsService } from './visits.service.ts';

export function visitsRoutes(app: FastifyInstance, service: VisitsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['visits'];
  const read = { access: { permission: 'visits.read' as const } };
  const book = { access: { permission: 'visits.book' as const } };
  const decide = { access: { permission: 'visits.decide' as const } };
  const rooms = { access: { permission: 'visits.rooms.manage' as const } };

  // Facilities, rooms, visiting times and closures.
  r.get(
    '/api/v1/visits/facilities',
    { config: read, schema: { tags, response: { 200: facilitiesResponse } } },
    (req) => service.facilities(principalOf(req)),
  );
  r.get(
    '/api/v1/facilities/:id/visit-slots',
    {
      config: read,
      schema: { tags, params: idParams, querystring: dateQuery, response: { 200: slotsResponse } },
    },
    async (req) => {
      const result = await service.slots(principalOf(req), req.params.id, req.query.date);
      return { ...result, slots: result.slots.map(({ templateId: _, ...s }) => s) };
    },
  );
  r.get(
    '/api/v1/facilities/:id/visiting-rooms',
    { config: read, schema: { tags, params: idParams, response: { 200: roomsResponse } } },
    (req) => service.rooms(principalOf(req), req.params.id),
  );
  r.post(
    '/api/v1/facilities/:id/visiting-rooms',
    { config: rooms, schema: { tags, params: idParams, body: roomBody, response: { 201: roomsResponse } } },
    async (req, reply) =>
      reply.code(201).send(await service.createRoom(principalOf(req), req.params.id, req.body)),
  );
  r.put(
    '/api/v1/visiting-rooms/:id',
    { config: rooms, schema: { tags, params: idParams, body: roomBody, response: { 200: roomsResponse } } },
    (req) => service.updateRoom(principalOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/visiting-rooms/:id/templates',
    {
      config: rooms,
      schema: { tags, params: idParams, body: templateBody, response: { 201: roomsResponse } },
    },
    async (req, reply) =>
      reply.code(201).send(await service.addTemplate(principalOf(req), req.params.id, req.body)),
  );
  r.delete(
    '/api/v1/visiting-rooms/:id/templates/:templateId',
    { config: rooms, schema: { tags, params: templateParams, response: { 200: roomsResponse } } },
    (req) => service.removeTemplate(principalOf(req), req.params.id, req.params.templateId),
  );
  r.post(
    '/api/v1/visiting-rooms/:id/slots',
    { config: rooms, schema: { tags, params: idParams, body: slotBody, response: { 201: slotsResponse } } },
    async (req, reply) => {
      const result = await service.addSlot(principalOf(req), req.params.id, req.body);
      return reply.code(201).send({ ...result, slots: result.slots.map(({ templateId: _, ...s }) => s) });
    },
  );
  r.post(
    '/api/v1/facilities/:id/visit-closures',
    {
      config: rooms,
      schema: { tags, params: idParams, body: closureBody, response: { 201: roomsResponse } },
    },
    async (req, reply) =>
      reply.code(201).send(await service.addClosure(principalOf(req), req.params.id, req.body)),
  );
  r.delete(
    '/api/v1/facilities/:id/visit-closures/:closureId',
    { config: rooms, schema: { tags, params: closureParams, response: { 200: roomsResponse } } },
    (req) => service.removeClosure(principalOf(req), req.params.id, req.params.closureId),
  );

  // One inmate's visitors, restriction and visits.
  r.get(
    '/api/v1/people/:id/visitors',
    { config: read, schema: { tags, params: idParams, response: { 200: visitorsResponse } } },
    (req) => service.visitors(principalOf(req), req.params.id),
  );
  r.post(
    '/api/v1/people/:id/visitors',
    {
      config: book,
      schema: { tags, params: idParams, body: visitorBody, response: { 201: visitorsResponse } },
    },
    async (req, reply) =>
      reply.code(201).send(await service.applyVisitor(principalOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/people/:id/visitors/:visitorId/decision',
    {
      config: decide,
      schema: { tags, params: visitorParams, body: decisionBody, response: { 200: visitorsResponse } },
    },
    (req) => service.decideVisitor(principalOf(req), req.params.id, req.params.visitorId, req.body),
  );
  r.put(
    '/api/v1/people/:id/visit-restriction',
    {
      config: decide,
      schema: { tags, params: idParams, body: restrictionBody, response: { 200: visitorsResponse } },
    },
    (req) => service.setRestriction(principalOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/v1/people/:id/visits',
    { config: read, schema: { tags, params: idParams, response: { 200: visitsResponse } } },
    (req) => service.visits(principalOf(req), req.params.id),
  );
  r.post(
    '/api/v1/people/:id/visits/assessment',
    {
      config: book,
      schema: { tags, params: idParams, body: requestBody, response: { 200: assessmentResponse } },
    },
    (req) => service.assess(principalOf(req), req.params.id, req.body, req.locale),
  );
  r.post(
    '/api/v1/people/:id/visits',
    { config: book, schema: { tags, params: idParams, body: bookBody, response: { 201: visit } } },
    async (req, reply) => reply.code(201).send(await service.book(principalOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/people/:id/visits/:visitId/cancel',
    { config: book, schema: { tags, params: visitParams, body: cancelBody, response: { 200: visit } } },
    (req) => service.cancel(principalOf(req), req.params.id, req.params.visitId, req.body),
  );

  // The review of booked visits when a measure or the infection situation changes.
  r.get(
    '/api/v1/visits/review',
    { config: read, schema: { tags, querystring: reviewQuery, response: { 200: reviewResponse } } },
    (req) => service.reviewList(principalOf(req), req.query.facilityId),
  );
  r.post(
    '/api/v1/people/:id/visits/:visitId/review',
    { config: decide, schema: { tags, params: visitParams, body: reviewBody, response: { 200: visit } } },
    (req) => service.review(principalOf(req), req.params.id, req.params.visitId, req.body),
  );
  r.get(
    '/api/v1/visits/:visitId/notice',
    { config: read, schema: { tags, params: visitIdParams, response: { 200: noticeResponse } } },
    (req) => service.notice(principalOf(req), req.params.visitId),
  );
}
