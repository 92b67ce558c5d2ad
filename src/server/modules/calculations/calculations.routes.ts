import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../http/security.ts';
import { errors } from '../../shared/errors.ts';
import {
  crisisListQuery,
  crisisListResponse,
  crisisPeriods,
  eligibilityQuery,
  eligibilityResponse,
  keyDatesInput,
  keyDatesResult,
  personKeyDates,
  previewBody,
  previewResponse,
  recalculationResponse,
  recordEventBody,
} from './calculations.schemas.ts';
import type { CalculationsService } from './calculations.service.ts';
import { toCsv } from './csv.ts';

const personParams = z.object({ id: z.uuid() });

export function calculationsRoutes(app: FastifyInstance, service: CalculationsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['key dates'];

  r.post(
    '/api/v1/calculations/key-dates',
    {
      config: { access: { permission: 'calculation.use' } },
      schema: {
        tags,
        summary: 'What-if: key dates for the given sentences, custody and events; nothing is stored',
        body: keyDatesInput,
        response: { 200: keyDatesResult },
      },
    },
    async (req) => {
      try {
        return await service.whatIf(req.body);
      } catch (error) {
        if (error instanceof RangeError || error instanceof TypeError)
          throw errors.field('sentences', 'calculation_failed', { reason: error.message });
        throw error;
      }
    },
  );

  r.get(
    '/api/v1/people/:id/key-dates',
    {
      config: { access: { permission: 'person.read' } },
      schema: { tags, params: personParams, response: { 200: personKeyDates } },
    },
    (req) => service.forPerson(principalOf(req), req.params.id),
  );

  r.post(
    '/api/v1/people/:id/key-dates/preview',
    {
      config: { access: { permission: 'person.read' } },
      schema: {
        tags,
        summary: 'What would change if this event were recorded; nothing is stored',
        params: personParams,
        body: previewBody,
        response: { 200: previewResponse },
      },
    },
    (req) => service.preview(principalOf(req), req.params.id, req.body.event),
  );

  r.post(
    '/api/v1/people/:id/events',
    {
      config: { access: { permission: 'execution.record' } },
      schema: { tags, params: personParams, body: recordEventBody, response: { 200: personKeyDates } },
    },
    (req) => service.recordEvent(principalOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/v1/eligibility',
    {
      config: { access: { permission: 'eligibility.read' } },
      schema: { tags, querystring: eligibilityQuery, response: { 200: eligibilityResponse } },
    },
    (req) => {
      const { kind, withinDays, facilityId, page, pageSize } = req.query;
      return service.eligibility(principalOf(req), { kind, withinDays, facilityId }, { page, pageSize });
    },
  );

  r.get(
    '/api/v1/crisis/early-release',
    {
      config: { access: { permission: 'crisis.early_release' } },
      schema: {
        tags,
        summary:
          'Everyone nationally who qualifies under the crisis rules switched on for a period (JSON or CSV)',
        querystring: crisisListQuery,
        response: { 200: crisisListResponse.or(z.string()) },
      },
    },
    async (req, reply) => {
      const list = await service.crisisList(principalOf(req), req.query);
      if (req.query.format !== 'csv') return list;
      const lang = req.query.lang ?? req.locale;
      const csv = toCsv(
        ['etternavn', 'fornavn', 'fødselsdato', 'sted', 'regel', 'status', 'dato', 'hjemmel', 'begrunnelse'],
        list.items.map((i) => [
          i.person.familyName,
          i.person.givenName,
          i.person.birthDate,
          i.facility?.name ?? '',
          i.key,
          i.status,
          i.date ?? '',
          i.legalRef,
          i.explanation[lang],
        ]),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="tidligloslatelse-${list.from}-${list.to}.csv"`)
        .send(csv);
    },
  );

  r.post(
    '/api/v1/rules/crisis',
    {
      config: { access: { permission: 'rules.manage' } },
      schema: {
        tags,
        summary: 'Switch the crisis rules on for a period, then recalculate every active sentence',
        body: z.object({ from: z.iso.date(), to: z.iso.date(), reason: z.string().trim().min(1).max(1000) }),
        response: { 200: recalculationResponse },
      },
    },
    (req) => service.switchCrisisRules(principalOf(req), req.body),
  );

  r.get(
    '/api/v1/rules/crisis',
    {
      config: { access: { permission: 'crisis.early_release' } },
      schema: {
        tags,
        summary: 'The periods the crisis rules are switched on for',
        response: { 200: crisisPeriods },
      },
    },
    () => service.crisisPeriods(),
  );

  r.post(
    '/api/v1/rules/crisis/end',
    {
      config: { access: { permission: 'rules.manage' } },
      schema: {
        tags,
        summary: 'Switch the crisis rules off from a date, then recalculate every active sentence',
        body: z.object({ on: z.iso.date(), reason: z.string().trim().min(1).max(1000) }),
        response: { 200: recalculationResponse },
      },
    },
    (req) => service.endCrisisRules(principalOf(req), req.body),
  );

  r.post(
    '/api/v1/calculations/recalculate',
    {
      config: { access: { permission: 'rules.manage' } },
      schema: {
        tags,
        summary: 'Recalculate every active sentence now',
        response: { 200: recalculationResponse },
      },
    },
    () => service.recalculateAll(),
  );
}
