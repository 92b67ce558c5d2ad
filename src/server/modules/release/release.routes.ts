import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { principalOf } from '../../http/security.ts';
import { createBody, decisions, proposal, sentenceParams } from './release.schemas.ts';
import type { ReleaseService } from './release.service.ts';

export function releaseRoutes(app: FastifyInstance, service: ReleaseService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['release'];
  // Reading follows the release checklist; deciding is its own permission.
  const read = { access: { permission: 'release.manage' as const } };
  const decide = { access: { permission: 'release.decide' as const } };

  r.get(
    '/api/v1/release/decisions/:sentenceId',
    {
      config: read,
      schema: {
        tags,
        summary: 'The current release decision on a sentence and the versions it superseded',
        params: sentenceParams,
        response: { 200: decisions },
      },
    },
    (req) => service.decisions(principalOf(req), req.params.sentenceId),
  );
  r.get(
    '/api/v1/release/decisions/:sentenceId/proposal',
    {
      config: read,
      schema: {
        tags,
        summary:
          'What a release decision today rests on: key dates, assessment, significance, proposed conditions',
        params: sentenceParams,
        response: { 200: proposal },
      },
    },
    (req) => service.proposal(principalOf(req), req.params.sentenceId),
  );
  r.post(
    '/api/v1/release/decisions',
    {
      config: decide,
      schema: {
        tags,
        summary: 'A release decision, or a new version of it',
        body: createBody,
        response: { 201: decisions },
      },
    },
    async (req, reply) => reply.code(201).send(await service.decide(principalOf(req), req.body)),
  );
}
