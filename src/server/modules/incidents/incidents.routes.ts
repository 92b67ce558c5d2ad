import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../http/security.ts';
import { toCsv } from '../calculations/csv.ts';
import {
  actionParams,
  actionUpdateBody,
  addActionBody,
  addPersonBody,
  closeBody,
  facilitiesResponse,
  idParams,
  incident,
  listQuery,
  listResponse,
  notificationsResponse,
  reportBody,
  type Statistics,
  staffResponse,
  statisticsQuery,
  statisticsResponse,
} from './incidents.schemas.ts';
import type { IncidentsService } from './incidents.service.ts';

/** The statistics as CSV: one row per period, then one per unit or facility, then the total. */
function statisticsCsv(s: Statistics): string {
  const header = [
    'rad',
    'navn',
    'fra',
    'til',
    ...s.types,
    'totalt',
    'vold_mot_ansatte',
    'romninger',
    'uteblitt_fra_permisjon',
    'permisjoner',
    'permisjonssvikt',
    'svikt_per_1000',
  ];
  const figures = (f: Statistics['total']) => [
    ...s.types.map((t) => String(f.byType[t] ?? 0)),
    String(f.total),
    String(f.violenceAgainstStaff),
    String(f.escapes),
    String(f.failuresToReturn),
    String(f.leavesTaken),
    String(f.leaveFailures),
    f.perThousand === null ? '' : String(f.perThousand),
  ];
  return toCsv(header, [
    ...s.series.map((p) => ['periode', s.selection.name, p.from, p.to, ...figures(p)]),
    ...s.breakdown.items.map((b) => [
      s.breakdown.kind === 'org_unit' ? 'region' : 'enhet',
      b.name,
      s.from,
      s.to,
      ...figures(b),
    ]),
    ['totalt', s.selection.name, s.from, s.to, ...figures(s.total)],
  ]);
}

export function incidentsRoutes(app: FastifyInstance, service: IncidentsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['incidents'];
  const read = { access: { permission: 'incident.read' as const } };
  const report = { access: { permission: 'incident.report' as const } };
  const manage = { access: { permission: 'incident.manage' as const } };
  const signedIn = { access: { authenticated: true as const } };

  r.get(
    '/api/v1/incidents',
    { config: read, schema: { tags, querystring: listQuery, response: { 200: listResponse } } },
    (req) => service.list(principalOf(req), req.query),
  );
  r.post(
    '/api/v1/incidents',
    { config: report, schema: { tags, body: reportBody, response: { 201: incident } } },
    async (req, reply) => reply.code(201).send(await service.report(principalOf(req), req.body)),
  );
  r.get(
    '/api/v1/incidents/facilities',
    { config: read, schema: { tags, response: { 200: facilitiesResponse } } },
    (req) => service.facilities(principalOf(req)),
  );
  r.get(
    '/api/v1/incidents/facilities/:id/staff',
    { config: report, schema: { tags, params: idParams, response: { 200: staffResponse } } },
    (req) => service.staff(principalOf(req), req.params.id),
  );
  r.get(
    '/api/v1/incidents/statistics',
    {
      config: { access: { permission: 'incident.statistics' as const } },
      schema: {
        tags,
        summary:
          'Incidents by type, violence against staff, escapes and failures per 1,000 leaves (JSON or CSV)',
        querystring: statisticsQuery,
        response: { 200: statisticsResponse.or(z.string()) },
      },
    },
    async (req, reply) => {
      const stats = await service.statistics(principalOf(req), req.query);
      if (req.query.format !== 'csv') return stats;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="hendelser-${stats.from}-${stats.to}.csv"`)
        .send(statisticsCsv(stats));
    },
  );
  r.get(
    '/api/v1/incidents/:id',
    { config: read, schema: { tags, params: idParams, response: { 200: incident } } },
    (req) => service.detail(principalOf(req), req.params.id),
  );
  r.post(
    '/api/v1/incidents/:id/people',
    { config: report, schema: { tags, params: idParams, body: addPersonBody, response: { 200: incident } } },
    (req) => service.addPerson(principalOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/incidents/:id/actions',
    { config: manage, schema: { tags, params: idParams, body: addActionBody, response: { 200: incident } } },
    (req) => service.addAction(principalOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/incidents/:id/actions/:actionId',
    {
      config: manage,
      schema: { tags, params: actionParams, body: actionUpdateBody, response: { 200: incident } },
    },
    (req) => service.updateAction(principalOf(req), req.params.id, req.params.actionId, req.body),
  );
  r.post(
    '/api/v1/incidents/:id/close',
    { config: manage, schema: { tags, params: idParams, body: closeBody, response: { 200: incident } } },
    (req) => service.close(principalOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/v1/notifications',
    { config: signedIn, schema: { tags, response: { 200: notificationsResponse } } },
    (req) => service.notifications(principalOf(req)),
  );
  r.post(
    '/api/v1/notifications/:id/read',
    { config: signedIn, schema: { tags, params: idParams } },
    async (req, reply) => {
      await service.markRead(principalOf(req), req.params.id);
      return reply.code(204).send();
    },
  );
}
