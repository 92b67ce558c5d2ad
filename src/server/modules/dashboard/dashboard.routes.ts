import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { dashboardResponse } from './dashboard.schemas.ts';
import type { DashboardService } from './dashboard.service.ts';

export function dashboardRoutes(app: FastifyInstance, service: DashboardService) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/dashboard',
    {
      config: { access: { permission: 'dashboard.read' } },
      schema: { tags: ['dashboard'], response: { 200: dashboardResponse } },
    },
    () => service.overview(),
  );
}
