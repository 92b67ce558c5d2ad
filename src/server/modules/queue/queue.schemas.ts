import { z } from 'zod';
import { pageQuery, pageSchema } from '../../shared/pagination.ts';
import { sentenceKind } from '../people/people.schemas.ts';

export const ageGroup = z.enum(['under18', 'under23', 'adult']);
export const postponementReason = z.enum(['pardon', 'illness', 'pregnancy', 'infant', 'other']);
const ref = z.object({ id: z.uuid(), name: z.string() });

export const queueQuery = z.object({
  ageGroup: ageGroup.optional(),
  summoned: z.enum(['true', 'false']).optional(),
  ...pageQuery,
});

export const queueItem = z.object({
  sentenceId: z.uuid(),
  version: z.number().int(),
  person: z.object({ id: z.uuid(), givenName: z.string(), familyName: z.string(), birthDate: z.iso.date() }),
  caseNumber: z.string(),
  kind: sentenceKind,
  termDays: z.number().int().nullable(),
  orderDate: z.iso.date(),
  daysWaiting: z.number().int(),
  ageGroup,
  status: z.enum(['queued', 'summoned', 'postponed']),
  summonsSentOn: z.iso.date().nullable(),
  appearanceDate: z.iso.date().nullable(),
  appearanceFacility: ref.nullable(),
  postponedUntil: z.iso.date().nullable(),
  postponementReason: postponementReason.nullable(),
});
export type QueueItem = z.infer<typeof queueItem>;
export const queueResponse = pageSchema(queueItem);

export const sentenceParams = z.object({ id: z.uuid() });
const version = z.number().int().min(1);

export const summonsBody = z.object({ version, facilityId: z.uuid(), appearanceDate: z.iso.date() });
export const postponementBody = z.object({
  version,
  reason: postponementReason,
  until: z.iso.date(),
  note: z.string().trim().max(1000).optional(),
});
export const admissionBody = z.object({ version, bedId: z.uuid() });
