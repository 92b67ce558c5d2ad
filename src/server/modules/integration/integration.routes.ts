import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { principalOf } from '../../http/security.ts';
import {
  envelopeHeaders,
  importBody,
  importResponse,
  inboxBody,
  listQuery,
  listResponse,
  messageDetail,
  messageParams,
  receipt,
} from './integration.schemas.ts';
import type { Envelope, IntegrationService } from './integration.service.ts';
import { httpStatusOf } from './receipts.ts';
import { ESAS_INBOX } from './system-principal.ts';

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function envelopeOf(headers: Record<string, string | string[] | undefined>): Envelope {
  return {
    schemaName: header(headers.schemaname),
    schemaVersion: header(headers.schemaversion),
    senderOrganization: header(headers.senderorganization),
    messageId: header(headers.messageid),
  };
}

export function integrationRoutes(app: FastifyInstance, service: IntegrationService) {
  // A signed message is the compact JWS itself (RFC 7515 §9.2.1: application/jose).
  app.addContentTypeParser('application/jose', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['integration'];

  r.post(
    '/api/v1/integration/inbox',
    {
      // No session: the signature is the authentication. A message is judged and always answered
      // with a receipt: 200 MOTTATT, 202 UNDER_MOTTAK (a copy is being processed), 422
      // FEILET_AVSENDER_TEKNISK, 503 FEILET_MOTTAKER (send it again). Problems with the HTTP request
      // itself (wrong content type, empty body) are problem+json.
      config: { access: { public: true }, rateLimit: { max: 600, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Receive a signed message from the justice sector (ESAS)',
        description:
          'Body: a compact JWS (content type application/jose) signed with a key in the configured JWKS. ' +
          'Headers SchemaName, SchemaVersion, senderOrganization and messageId as on the hub. ' +
          'Answer: the receipt (KVITTERING 1.0); 200 MOTTATT, 202 UNDER_MOTTAK, 422 FEILET_AVSENDER_TEKNISK, 503 FEILET_MOTTAKER.',
        consumes: ['application/jose'],
        security: [],
        headers: envelopeHeaders,
        body: inboxBody,
        response: { 200: receipt, 202: receipt },
      },
    },
    async (req, reply) => {
      const result = await service.receive(ESAS_INBOX, {
        raw: req.body,
        transport: 'jws',
        channel: 'inbox',
        envelope: envelopeOf(req.headers),
      });
      // 422 and 503 carry a receipt too; only 200 and 202 are declared, so problems keep their shape.
      return reply.status(httpStatusOf(result.receipt.status) as 200).send(result.receipt);
    },
  );

  r.post(
    '/api/v1/integration/messages',
    {
      config: { access: { permission: 'integration.import' } },
      schema: {
        tags,
        summary: 'Import a message by hand',
        description:
          'The message as JSON text or object (or a compact JWS, which is verified). 201 when it is new, ' +
          '200 when it was received before; either way the body holds its receipt.',
        body: importBody,
        response: { 200: importResponse, 201: importResponse },
      },
    },
    async (req, reply) => {
      const { message, ...envelope } = req.body;
      const raw = typeof message === 'string' ? message : JSON.stringify(message);
      const result = await service.importByHand(
        principalOf(req),
        { raw, transport: 'auto', channel: 'manual', envelope },
        req.locale,
      );
      return reply
        .status(result.duplicate ? 200 : 201)
        .send({ receipt: result.receipt, duplicate: result.duplicate, message: result.message });
    },
  );

  r.get(
    '/api/v1/integration/messages',
    {
      config: { access: { permission: 'integration.read' } },
      schema: { tags, querystring: listQuery, response: { 200: listResponse } },
    },
    (req) => {
      const { status, page, pageSize } = req.query;
      return service.list(principalOf(req), { status }, { page, pageSize });
    },
  );

  r.get(
    '/api/v1/integration/messages/:id',
    {
      config: { access: { permission: 'integration.read' } },
      schema: { tags, params: messageParams, response: { 200: messageDetail } },
    },
    (req) => service.read(principalOf(req), req.params.id, req.locale),
  );
}
