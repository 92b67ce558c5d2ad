import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { Database } from './db/types.ts';
import { healthRoutes } from './http/health.ts';
import { sendProblem } from './http/problem.ts';
import { registerSecurity } from './http/security.ts';
import { assessmentsRoutes } from './modules/assessments/assessments.routes.ts';
import { createAssessmentsService } from './modules/assessments/assessments.service.ts';
import { createAuthRepository } from './modules/auth/auth.repository.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { calculationsRoutes } from './modules/calculations/calculations.routes.ts';
import { createCalculationsService } from './modules/calculations/calculations.service.ts';
import { crisisRoutes } from './modules/crisis/crisis.routes.ts';
import { createCrisisService } from './modules/crisis/crisis.service.ts';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.ts';
import { createDashboardService } from './modules/dashboard/dashboard.service.ts';
import { followupRoutes } from './modules/followup/followup.routes.ts';
import { createFollowupService } from './modules/followup/followup.service.ts';
import { healthStatusRoutes } from './modules/health/health.routes.ts';
import { createHealthService } from './modules/health/health.service.ts';
import { incidentsRoutes } from './modules/incidents/incidents.routes.ts';
import { createIncidentsService } from './modules/incidents/incidents.service.ts';
import { infectionRoutes } from './modules/infection/infection.routes.ts';
import { createInfectionService } from './modules/infection/infection.service.ts';
import { integrationRoutes } from './modules/integration/integration.routes.ts';
import { createIntegrationService } from './modules/integration/integration.service.ts';
import { jwksSource, loadKeyStore } from './modules/integration/jws.ts';
import { leaveRoutes } from './modules/leave/leave.routes.ts';
import { createLeaveService } from './modules/leave/leave.service.ts';
import { measuresRoutes } from './modules/measures/measures.routes.ts';
import { createMeasuresService } from './modules/measures/measures.service.ts';
import { createOrganisationRepository } from './modules/organisation/organisation.repository.ts';
import { organisationRoutes } from './modules/organisation/organisation.routes.ts';
import { createOrganisationService } from './modules/organisation/organisation.service.ts';
import { peopleRoutes } from './modules/people/people.routes.ts';
import { createPeopleService } from './modules/people/people.service.ts';
import { placementRoutes } from './modules/placement/placement.routes.ts';
import { createPlacementService } from './modules/placement/placement.service.ts';
import { plansRoutes } from './modules/plans/plans.routes.ts';
import { createPlansService } from './modules/plans/plans.service.ts';
import { queueRoutes } from './modules/queue/queue.routes.ts';
import { createQueueService } from './modules/queue/queue.service.ts';
import { releaseRoutes } from './modules/release/release.routes.ts';
import { createReleaseService } from './modules/release/release.service.ts';
import { securityRoutes } from './modules/security/security.routes.ts';
import { createSecurityService } from './modules/security/security.service.ts';
import { visitsRoutes } from './modules/visits/visits.routes.ts';
import { createVisitsService } from './modules/visits/visits.service.ts';
import type { Clock } from './shared/clock.ts';
import { AppError } from './shared/errors.ts';
import { redactIdentityNumbers } from './shared/redact.ts';

export interface AppDeps {
  db: Kysely<Database>;
  config: Config;
  clock: Clock;
  /** Folder of the built web UI; served when it exists. */
  webRoot?: string;
  /** false silences the log; a stream receives it instead of stdout (tests read it). */
  logger?: false | { stream: NodeJS.WritableStream };
}

/** The composition root: data access → services → routes, wired once. */
export function createServices(
  db: Kysely<Database>,
  clock: Clock,
  config: Config,
  report?: (error: unknown) => void,
) {
  const auth = createAuthService(createAuthRepository(db), clock, config.sessionHours);
  const organisation = createOrganisationService(createOrganisationRepository(db), clock);
  const people = createPeopleService(db, clock);
  const calculations = createCalculationsService(db, clock);
  const queue = createQueueService(db, clock, people, calculations);
  const measures = createMeasuresService(db, clock);
  const visits = createVisitsService(db, clock);
  const placement = createPlacementService(db, clock);
  const dashboard = createDashboardService(db, clock, organisation);
  const integration = createIntegrationService(db, clock, {
    keys: loadKeyStore(jwksSource(config)),
    defaults: { prison: config.esasDefaultPrison, probation: config.esasDefaultProbationOffice },
    report,
    // A received order gives the person new sentences: their key dates are computed in the same transaction.
    recalculate: calculations.recalculate,
  });
  const infection = createInfectionService(db, clock);
  const crisis = createCrisisService(db, clock, { measures, calculations });
  const health = createHealthService(db, clock);
  const leave = createLeaveService(db, clock, { calculations, infection });
  const assessments = createAssessmentsService(db, clock);
  const plans = createPlansService(db, clock);
  const security = createSecurityService(db, clock);
  const incidents = createIncidentsService(db, clock);
  const followup = createFollowupService(db, clock);
  const release = createReleaseService(db, clock);
  return {
    auth,
    organisation,
    people,
    queue,
    dashboard,
    integration,
    calculations,
    infection,
    measures,
    health,
    placement,
    crisis,
    visits,
    leave,
    assessments,
    plans,
    security,
    incidents,
    followup,
    release,
  };
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { db, config, clock } = deps;
  const app = Fastify({
    logger:
      deps.logger === false
        ? false
        : {
            level: config.logLevel,
            ...(deps.logger ?? {}),
            // Identity numbers can sit in a query string; the log sees them masked.
            serializers: {
              req: (req: { method: string; url: string }) => ({
                method: req.method,
                url: redactIdentityNumbers(req.url),
              }),
            },
          },
    trustProxy: config.env === 'production',
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const services = createServices(db, clock, config, (error) =>
    app.log.error({ err: error }, redactIdentityNumbers(String((error as Error)?.message ?? error))),
  );

  await app.register(cookie);
  await app.register(helmet, {
    // Closed networks: nothing is loaded from another origin.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.env === 'production',
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Varde API',
        version: '1',
        description:
          'Case and operations system for the execution of sentences. Errors are RFC 9457 problem+json.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'varde_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });
  app.get('/api/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, () =>
    app.swagger(),
  );

  app.setErrorHandler((error, request, reply) => sendProblem(request, reply, error));
  registerSecurity(app, services.auth);

  healthRoutes(app, db);
  authRoutes(app, services.auth, config);
  organisationRoutes(app, services.organisation);
  peopleRoutes(app, services.people);
  queueRoutes(app, services.queue);
  calculationsRoutes(app, services.calculations);
  dashboardRoutes(app, services.dashboard);
  integrationRoutes(app, services.integration);
  infectionRoutes(app, services.infection);
  measuresRoutes(app, services.measures);
  visitsRoutes(app, services.visits);
  crisisRoutes(app, services.crisis, clock);
  placementRoutes(app, services.placement);
  healthStatusRoutes(app, services.health);
  leaveRoutes(app, services.leave);
  assessmentsRoutes(app, services.assessments);
  plansRoutes(app, services.plans);
  securityRoutes(app, services.security);
  incidentsRoutes(app, services.incidents);
  followupRoutes(app, services.followup);
  releaseRoutes(app, services.release);

  const webRoot = deps.webRoot ?? resolve('dist/web');
  const hasWeb = existsSync(resolve(webRoot, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, index: 'index.html' });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // The SPA owns every other GET path: it routes on the client.
    const isClientRoute = !/^\/(api|health|assets)\//.test(path);
    if (hasWeb && request.method === 'GET' && isClientRoute) return reply.sendFile('index.html');
    return sendProblem(request, reply, new AppError(404, 'route_not_found'));
  });

  return app;
}
