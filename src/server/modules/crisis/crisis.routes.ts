import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../http/security.ts';
import type { Clock } from '../../shared/clock.ts';
import { lettersPdfBytes, reportCsv, reportPdfBytes } from './crisis.report.ts';
import {
  dashboardQuery,
  dashboardResponse,
  idParams,
  inmatesResponse,
  interruptionBody,
  interruptionResponse,
  letter,
  lettersQuery,
  lettersResponse,
  outbreakFacilities,
  outbreakMeasuresBody,
  outbreakMeasuresResponse,
  postponementBody,
  postponementResponse,
  previewResponse,
  queueQuery,
  queueResponse,
  reportQuery,
  seriesQuery,
  seriesResponse,
} from './crisis.schemas.ts';
import type { CrisisService } from './crisis.service.ts';

export function crisisRoutes(app: FastifyInstance, service: CrisisService, clock: Clock) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['crisis'];
  // Aggregates only, never names: analysts have this too.
  const dashboard = { access: { permission: 'crisis.dashboard' as const } };
  const outbreak = { access: { permission: 'outbreak.manage' as const } };

  r.get(
    '/api/v1/crisis/dashboard',
    {
      config: dashboard,
      schema: {
        tags,
        summary: 'The crisis picture on a date per region and facility, with the change since the day before',
        querystring: dashboardQuery,
        response: { 200: dashboardResponse },
      },
    },
    (req) => service.dashboard(principalOf(req), req.query.date),
  );

  r.get(
    '/api/v1/crisis/series',
    {
      config: dashboard,
      schema: {
        tags,
        summary:
          'Cases and quarantine per day for the 60 days up to the date, in scope and for a region or facility',
        querystring: seriesQuery,
        response: { 200: seriesResponse },
      },
    },
    (req) => service.series(principalOf(req), req.query),
  );

  r.get(
    '/api/v1/crisis/report',
    {
      config: dashboard,
      schema: {
        tags,
        summary: 'The report for the Ministry: the picture on a date as CSV or PDF',
        querystring: reportQuery,
        response: { 200: z.string() },
      },
    },
    async (req, reply) => {
      const data = await service.report(principalOf(req), req.query.date, req.query.format);
      const name = `situasjonsbilde-${data.picture.date}`;
      if (req.query.format === 'pdf') {
        const bytes = await reportPdfBytes(data, clock.now());
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${name}.pdf"`)
          .send(Buffer.from(bytes) as never);
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .send(reportCsv(data));
    },
  );

  r.get(
    '/api/v1/outbreak/facilities',
    { config: outbreak, schema: { tags, response: { 200: outbreakFacilities } } },
    (req) => service.outbreakFacilities(principalOf(req)),
  );

  r.post(
    '/api/v1/outbreak/facilities/:id/measures',
    {
      config: outbreak,
      schema: {
        tags,
        summary: "Apply seed 001's outbreak measures as a set to the facility, in one transaction",
        params: idParams,
        body: outbreakMeasuresBody,
        response: { 201: outbreakMeasuresResponse },
      },
    },
    async (req, reply) => {
      const out = await service.applyOutbreakSet(principalOf(req), req.params.id, req.body);
      return reply.code(201).send(out);
    },
  );

  r.get(
    '/api/v1/outbreak/facilities/:id/queue',
    {
      config: outbreak,
      schema: {
        tags,
        summary: 'Everyone in the queue due to start at the facility in the window',
        params: idParams,
        querystring: queueQuery,
        response: { 200: queueResponse },
      },
    },
    (req) => service.queue(principalOf(req), req.params.id, req.query),
  );

  r.post(
    '/api/v1/outbreak/facilities/:id/postponements/preview',
    {
      config: outbreak,
      schema: {
        tags,
        summary: 'What a batch postponement would do, letters included; nothing is stored',
        params: idParams,
        body: postponementBody,
        response: { 200: previewResponse },
      },
    },
    (req) => service.previewPostponements(principalOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/v1/outbreak/facilities/:id/postponements',
    {
      config: outbreak,
      schema: {
        tags,
        summary: 'Postpone the start of everyone in the batch, each with a letter; all or nothing',
        params: idParams,
        body: postponementBody,
        response: { 201: postponementResponse },
      },
    },
    async (req, reply) => {
      const out = await service.applyPostponements(principalOf(req), req.params.id, req.body);
      return reply.code(201).send(out);
    },
  );

  r.get(
    '/api/v1/outbreak/facilities/:id/letters',
    {
      config: outbreak,
      schema: {
        tags,
        summary: 'The letters written at the facility (or of one batch), as JSON or as one PDF',
        params: idParams,
        querystring: lettersQuery,
        response: { 200: lettersResponse.or(z.string()) },
      },
    },
    async (req, reply) => {
      const { facility, items } = await service.letters(principalOf(req), req.params.id, req.query.batchId);
      if (req.query.format !== 'pdf') return { items };
      const bytes = await lettersPdfBytes(items, `Brev om utsatt oppmøte – ${facility.name}`, clock.now());
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="brev-${facility.code}.pdf"`)
        .send(Buffer.from(bytes) as never);
    },
  );

  r.get(
    '/api/v1/outbreak/letters/:id',
    { config: outbreak, schema: { tags, params: idParams, response: { 200: letter } } },
    (req) => service.letter(principalOf(req), req.params.id),
  );

  r.get(
    '/api/v1/outbreak/facilities/:id/inmates',
    {
      config: outbreak,
      schema: { tags, params: idParams, response: { 200: inmatesResponse } },
    },
    (req) => service.inmates(principalOf(req), req.params.id),
  );

  r.post(
    '/api/v1/outbreak/facilities/:id/interruptions',
    {
      config: outbreak,
      schema: {
        tags,
        summary: 'Record an interruption for the chosen inmates and recalculate their key dates',
        params: idParams,
        body: interruptionBody,
        response: { 200: interruptionResponse },
      },
    },
    (req) => service.interrupt(principalOf(req), req.params.id, req.body),
  );
}
