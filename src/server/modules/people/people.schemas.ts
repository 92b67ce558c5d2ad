import { z } from 'zod';
import { pageQuery, pageSchema } from '../../shared/pagination.ts';
import { facilityKind } from '../organisation/organisation.schemas.ts';

export const sentenceKind = z.enum([
  'prison',
  'community',
  'fine_substitute',
  'preventive_detention',
  'youth',
  'remand',
]);
export const sentenceStatus = z.enum([
  'queued',
  'summoned',
  'postponed',
  'admitted',
  'transferred',
  'interrupted',
  'released',
]);
const ref = z.object({ id: z.uuid(), name: z.string() });

export const searchQuery = z.object({ q: z.string().trim().min(1).max(100), ...pageQuery });

export const personHit = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.iso.date(),
  nationalIdMasked: z.string(),
  status: sentenceStatus.nullable(),
  facility: ref.nullable(),
  matchedBy: z.enum(['name', 'national_id', 'case_number']),
});
export type PersonHit = z.infer<typeof personHit>;
export const searchResponse = pageSchema(personHit);

export const sentence = z.object({
  id: z.uuid(),
  version: z.number().int(),
  kind: sentenceKind,
  termDays: z.number().int().nullable(),
  minimumTermDays: z.number().int().nullable(),
  frameDays: z.number().int().nullable(),
  hours: z.number().int().nullable(),
  substituteDays: z.number().int().nullable(),
  orderDate: z.iso.date().nullable(),
  status: sentenceStatus,
  statusHistory: z.array(
    z.object({
      status: sentenceStatus,
      date: z.iso.date(),
      reason: z.string().nullable(),
      facility: ref.nullable(),
      by: z.string().nullable(),
    }),
  ),
});

export const placement = z.object({
  /** The current placement: a move names it, so a move from a stale page is refused. */
  id: z.uuid(),
  kind: z.enum(['cell', 'em']),
  since: z.iso.date(),
  facility: ref.extend({ kind: facilityKind }),
  department: ref.nullable(),
  cell: z.object({ id: z.uuid(), number: z.string() }).nullable(),
  bed: z.object({ id: z.uuid(), label: z.string() }).nullable(),
});

export const personDetail = z.object({
  id: z.uuid(),
  version: z.number().int(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.iso.date(),
  gender: z.enum(['female', 'male']).nullable(),
  nationalId: z.string(),
  nationalIdKind: z.enum(['fnr', 'dnr', 'synthetic']),
  placement: placement.nullable(),
  judgments: z.array(
    z.object({
      id: z.uuid(),
      caseNumber: z.string(),
      court: z.string(),
      judgmentDate: z.iso.date(),
      offence: z.string(),
      sentences: z.array(sentence),
    }),
  ),
});
export type PersonDetail = z.infer<typeof personDetail>;

export const createPersonBody = z.object({
  nationalId: z.string().trim().min(1),
  givenName: z.string().trim().min(1).max(100),
  familyName: z.string().trim().min(1).max(100),
});

export const auditQuery = z.object({ ...pageQuery });
export const auditResponse = pageSchema(
  z.object({ at: z.string(), user: z.string(), role: z.string(), action: z.string(), purpose: z.string() }),
);

export const personParams = z.object({ id: z.uuid() });
