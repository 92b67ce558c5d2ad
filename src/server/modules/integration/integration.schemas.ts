import { z } from 'zod';
import { pageQuery, pageSchema } from '../../shared/pagination.ts';
import { sentenceKind, sentenceStatus } from '../people/people.schemas.ts';

export const receiptStatus = z.enum([
  'UNDER_MOTTAK',
  'MOTTATT',
  'FEILET_AVSENDER_TEKNISK',
  'FEILET_AVSENDER_MANGLER',
  'FEILET_MOTTAKER',
]);

/** ESAS KVITTERING 1.0. */
export const receipt = z
  .object({
    meldingsId: z.string(),
    meldingsIdRef: z.string(),
    status: receiptStatus,
    beskrivelse: z.string().optional(),
    saksRef: z.string().optional(),
  })
  .meta({ description: 'A receipt as the ESAS contract KVITTERING 1.0 describes it.' });

/** The hub's transport headers, as HTTP headers (names are case-insensitive). */
export const envelopeHeaders = z.looseObject({
  schemaname: z.string().max(100).optional().meta({ description: 'SchemaName, e.g. FULLBYRDELSESORDRE' }),
  schemaversion: z.string().max(20).optional().meta({ description: 'SchemaVersion: 1.2 or 1.1' }),
  senderorganization: z
    .string()
    .max(100)
    .optional()
    .meta({ description: 'senderOrganization, e.g. POLITIET' }),
  messageid: z.string().max(100).optional().meta({ description: 'messageId: the message id (meldingsId)' }),
});

export const inboxBody = z
  .string()
  .min(1)
  .meta({ description: 'A compact JWS whose payload is the JSON message.' });

export const importBody = z.object({
  message: z
    .union([z.string().min(1), z.record(z.string(), z.unknown())])
    .meta({ description: 'The message: JSON text, a JSON object, or a compact JWS.' }),
  schemaName: z.string().trim().min(1).max(100).optional(),
  schemaVersion: z.string().trim().min(1).max(20).optional(),
  senderOrganization: z.string().trim().min(1).max(100).optional(),
});

export const listQuery = z.object({ status: receiptStatus.optional(), ...pageQuery });
export const messageParams = z.object({ id: z.uuid() });

const ref = z.object({ id: z.uuid(), name: z.string() });

export const messageSummary = z.object({
  id: z.uuid(),
  messageId: z.string().nullable(),
  contract: z.object({ name: z.string(), version: z.string().nullable() }),
  channel: z.enum(['inbox', 'manual', 'folder']),
  transport: z.enum(['jws', 'json']),
  keyId: z.string().nullable(),
  senderOrganization: z.string().nullable(),
  senderName: z.string().nullable(),
  sentAt: z.string().nullable(),
  receivedAt: z.string(),
  processedAt: z.string().nullable(),
  attempts: z.number().int(),
  status: receiptStatus,
  caseNumber: z.string().nullable(),
  person: z.object({ id: z.uuid(), givenName: z.string(), familyName: z.string() }).nullable(),
  judgmentId: z.uuid().nullable(),
  sentences: z.number().int(),
});
export type MessageSummary = z.infer<typeof messageSummary>;
export const listResponse = pageSchema(messageSummary);

const issue = z.object({ path: z.string(), code: z.string(), message: z.string() });

export const reactionKind = z.enum([
  'prison',
  'fine',
  'community',
  'youth',
  'loss_of_rights',
  'contact_ban',
  'driving_ban',
  'transport_ban',
  'confiscation',
  'other',
]);

export const messageDetail = messageSummary.extend({
  receipt,
  errors: z.array(issue),
  notes: z.array(issue),
  reactions: z.array(
    z.object({
      kind: reactionKind,
      executed: z.boolean(),
      termDays: z.number().int().nullable(),
      conditionalDays: z.number().int().nullable(),
      probationDays: z.number().int().nullable(),
      deductionDays: z.number().int().nullable(),
      substituteDays: z.number().int().nullable(),
      hours: z.number().int().nullable(),
      amountNok: z.number().nullable(),
      electronicControl: z.boolean(),
      electronicControlDays: z.number().int().nullable(),
      indefinite: z.boolean(),
      legalBasis: z.string().nullable(),
      description: z.string().nullable(),
      sentence: z
        .object({
          id: z.uuid(),
          kind: sentenceKind,
          status: sentenceStatus,
          termDays: z.number().int().nullable(),
          hours: z.number().int().nullable(),
          substituteDays: z.number().int().nullable(),
          facility: ref,
        })
        .nullable(),
    }),
  ),
  offences: z.number().int(),
  victims: z.number().int(),
  payload: z.string().nullable(),
});
export type MessageDetail = z.infer<typeof messageDetail>;

export const importResponse = z.object({ receipt, duplicate: z.boolean(), message: messageDetail });
