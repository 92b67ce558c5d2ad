import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { principalOf } from '../../http/security.ts';
import {
  asOfQuery,
  entryBody,
  entryResponse,
  facilitiesResponse,
  importBody,
  importResponse,
  municipalitiesResponse,
  thresholdsBody,
  thresholdsResponse,
} from './infection.schemas.ts';
import type { InfectionService } from './infection.service.ts';

export function infectionRoutes(app: FastifyInstance, service: InfectionService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['infection'];
  // The import takes the file as it is, too.
  if (!app.hasContentTypeParser('text/csv'))
    app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  r.get(
    '/api/v1/infection/levels',
    {
      config: { access: { permission: 'infection.read' } },
      schema: {
        tags,
        summary: 'The level and trend of each municipality as of a date (14-day incidence per 100,000)',
        querystring: asOfQuery,
        response: { 200: municipalitiesResponse },
      },
    },
    (req) => service.municipalities(req.query.asOf),
  );

  r.get(
    '/api/v1/infection/facilities',
    {
      config: { access: { permission: 'infection.read' } },
      schema: {
        tags,
        summary: 'Each facility with its region or unit and the level where it stands, most severe first',
        querystring: asOfQuery,
        response: { 200: facilitiesResponse },
      },
    },
    (req) => service.facilities(req.query.asOf),
  );

  r.get(
    '/api/v1/infection/thresholds',
    {
      config: { access: { permission: 'infection.read' } },
      schema: {
        tags,
        summary: 'The thresholds for green / yellow / red and for rising, in force today and by period',
        response: { 200: thresholdsResponse },
      },
    },
    () => service.thresholds(),
  );

  r.post(
    '/api/v1/infection/thresholds',
    {
      config: { access: { permission: 'infection.manage' } },
      schema: {
        tags,
        summary: 'New thresholds from a date (today or later); the period in force then ends that day',
        body: thresholdsBody,
        response: { 200: thresholdsResponse },
      },
    },
    (req) => service.setThresholds(principalOf(req), req.body),
  );

  r.post(
    '/api/v1/infection/levels',
    {
      config: { access: { permission: 'infection.manage' } },
      schema: {
        tags,
        summary: 'Enter one value by hand; the same municipality and date again replaces it',
        body: entryBody,
        response: { 200: entryResponse },
      },
    },
    (req) => service.enter(principalOf(req), req.body),
  );

  r.post(
    '/api/v1/infection/import',
    {
      config: { access: { permission: 'infection.manage' } },
      schema: {
        tags,
        summary: 'CSV import (text/csv, or JSON { csv }): header kommune,dato,insidens_14d; all rows or none',
        body: importBody,
        response: { 200: importResponse },
      },
    },
    (req) => service.importCsv(principalOf(req), typeof req.body === 'string' ? req.body : req.body.csv),
  );
}
