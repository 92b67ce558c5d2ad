import { z } from 'zod';
import { RELATIONS } from '../../domain/visits.ts';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const text = (max: number) => z.string().trim().min(1).max(max);
const version = z.number().int().min(1);

export const roomKind = z.enum([
  'ordinary',
  'supervised',
  'glass_wall',
  'child_friendly',
  'video',
  'official',
  'media',
]);
export const visitKind = z.enum(['ordinary', 'official', 'media']);
export const storedVisitKind = z.enum(['ordinary', 'video', 'official', 'media']);
export const outcome = z.enum(['grant', 'grant_with_conditions', 'video_instead', 'refuse']);
export const condition = z.enum(['glass_wall', 'distance']);
export const relation = z.enum(RELATIONS);
export const policeCheck = z.enum(['not_requested', 'requested', 'clear', 'remarks']);
export const restrictionKind = z.enum(['none', 'supervised_only', 'glass_wall_only', 'no_visits']);

export const idParams = z.object({ id: z.uuid() });
export const templateParams = z.object({ id: z.uuid(), templateId: z.uuid() });
export const closureParams = z.object({ id: z.uuid(), closureId: z.uuid() });
export const visitorParams = z.object({ id: z.uuid(), visitorId: z.uuid() });
export const visitParams = z.object({ id: z.uuid(), visitId: z.uuid() });
export const dateQuery = z.object({ date: z.iso.date().optional() });

const facilityRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

// ── Rooms, templates, closures ──────────────────────────────────────────────────────────────
export const template = z.object({
  id: z.uuid(),
  weekday: z.number().int(),
  startTime: z.string(),
  endTime: z.string(),
  capacity: z.number().int(),
});
export const room = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: roomKind,
  capacity: z.number().int(),
  active: z.boolean(),
  templates: z.array(template),
});
export const closure = z.object({
  id: z.uuid(),
  roomId: z.uuid().nullable(),
  roomName: z.string().nullable(),
  fromDate: z.iso.date(),
  toDate: z.iso.date(),
  reason: z.string(),
  createdBy: z.string(),
});
export const roomsResponse = z.object({
  facility: facilityRef,
  rooms: z.array(room),
  closures: z.array(closure),
  manageable: z.boolean(),
});
export const roomBody = z.object({
  name: text(100),
  kind: roomKind,
  capacity: z.number().int().min(1).max(100),
  active: z.boolean().default(true),
});
export const templateBody = z.object({
  weekday: z.number().int().min(1).max(7),
  startTime: time,
  endTime: time,
  capacity: z.number().int().min(1).max(100),
});
export const slotBody = z.object({
  date: z.iso.date(),
  startTime: time,
  endTime: time,
  capacity: z.number().int().min(1).max(100),
});
export const closureBody = z.object({
  roomId: z.uuid().nullable().optional(),
  fromDate: z.iso.date(),
  toDate: z.iso.date(),
  reason: text(500),
});
export const facilitiesResponse = z.object({ items: z.array(facilityRef) });

// ── Slots ───────────────────────────────────────────────────────────────────────────────────
export const slot = z.object({
  roomId: z.uuid(),
  roomName: z.string(),
  roomKind,
  date: z.iso.date(),
  startTime: z.string(),
  endTime: z.string(),
  capacity: z.number().int(),
  booked: z.number().int(),
  free: z.number().int(),
  closed: z.boolean(),
  closedReason: z.string().nullable(),
});
export const slotsResponse = z.object({ facility: facilityRef, date: z.iso.date(), slots: z.array(slot) });

// ── Visitors and restriction ────────────────────────────────────────────────────────────────
export const visitor = z.object({
  id: z.uuid(),
  version: z.number().int(),
  name: z.string(),
  relation,
  closeFamily: z.boolean(),
  birthDate: z.iso.date().nullable(),
  minor: z.boolean(),
  homeMunicipality: z.string(),
  publicTransport: z.boolean(),
  policeCheck,
  policeCheckDate: z.iso.date().nullable(),
  status: z.enum(['applied', 'approved', 'refused', 'withdrawn']),
  appliedBy: z.string(),
  decisionReason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export const restriction = z.object({
  kind: restrictionKind,
  reason: z.string(),
  validFrom: z.iso.date(),
  validTo: z.iso.date().nullable(),
  decidedBy: z.string(),
});
export const visitorsResponse = z.object({
  visitors: z.array(visitor),
  placesUsed: z.number().int(),
  maxPlaces: z.number().int(),
  restriction: restriction.nullable(),
  facility: facilityRef.nullable(),
});
export const visitorBody = z.object({
  name: text(200),
  relation,
  birthDate: z.iso.date().nullable().optional(),
  minor: z.boolean().optional(),
  homeMunicipality: text(100),
  publicTransport: z.boolean().default(false),
  policeCheck: policeCheck.default('not_requested'),
  policeCheckDate: z.iso.date().nullable().optional(),
});
export const decisionBody = z.object({
  version,
  decision: z.enum(['approved', 'refused']),
  reason: z.string().trim().max(2000).optional(),
});
export const restrictionBody = z.object({
  kind: restrictionKind,
  reason: text(2000),
  validFrom: z.iso.date(),
  validTo: z.iso.date().nullable().optional(),
});

// ── Assessment and booking ──────────────────────────────────────────────────────────────────
const slotRef = z.object({ roomId: z.uuid(), date: z.iso.date(), startTime: time });
export const requestBody = z.object({
  kind: visitKind,
  visitorIds: z.array(z.uuid()).max(6).default([]),
  externalVisitor: z.string().trim().max(200).optional(),
  roomId: z.uuid(),
  date: z.iso.date(),
  startTime: time,
});
export const bookBody = requestBody.extend({
  outcome,
  conditions: z.array(condition).max(2).default([]),
  justification: z.string().trim().max(4000).optional(),
  videoSlot: slotRef.optional(),
});
export const factor = z.object({
  code: z.string(),
  points: z.number(),
  value: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  source: z.string(),
});
export const reason = z.object({ code: z.string(), text: z.string(), source: z.string() });
export const check = z.object({
  code: z.string(),
  field: z.string(),
  message: z.string(),
});
export const assessmentResponse = z.object({
  /** The first check the request fails, in the order they are made; null when it passes them all. */
  refusal: check.nullable(),
  factors: z.array(factor),
  score: z.number(),
  recommendation: z.object({ outcome, conditions: z.array(condition), reasons: z.array(reason) }),
  videoOffers: z.array(slot),
  legalReference: z.string(),
});
const text2 = z.object({ nb: z.string(), en: z.string() });
export const change = z.object({
  code: z.string(),
  before: z.string(),
  after: z.string(),
  /** The change in plain words. */
  text: text2,
});
export const reviewAction = z.enum(['keep', 'conditions', 'video', 'cancel']);
const block = z.object({ code: z.string(), message: text2 });
export const visitReview = z.object({
  /** The visit would now be assessed differently and awaits a review. */
  pending: z
    .object({ changes: z.array(change), recommendationNow: outcome, block: block.nullable() })
    .nullable(),
  /** The latest review. */
  last: z
    .object({
      action: reviewAction,
      outcome,
      conditions: z.array(z.string()),
      justification: z.string().nullable(),
      by: z.string(),
      at: z.string(),
      changes: z.array(change),
      from: z.object({ date: z.iso.date(), startTime: z.string(), endTime: z.string(), room: z.string() }),
    })
    .nullable(),
});
export const visit = z.object({
  id: z.uuid(),
  version: z.number().int(),
  kind: storedVisitKind,
  status: z.enum(['booked', 'completed', 'cancelled', 'refused', 'no_show']),
  facility: facilityRef,
  room: z.object({ id: z.uuid(), name: z.string(), kind: roomKind }),
  startsAt: z.string(),
  endsAt: z.string(),
  date: z.iso.date(),
  startTime: z.string(),
  endTime: z.string(),
  visitors: z.array(z.object({ id: z.uuid(), name: z.string(), relation })),
  externalVisitor: z.string().nullable(),
  recommendation: outcome.nullable(),
  outcome: outcome.nullable(),
  conditions: z.array(z.string()),
  justification: z.string().nullable(),
  legalReference: z.string().nullable(),
  factors: z.array(factor),
  decidedBy: z.string().nullable(),
  cancelReason: z.string().nullable(),
  review: visitReview,
});
export type VisitView = z.infer<typeof visit>;
export const visitsResponse = z.object({ items: z.array(visit) });
export const cancelBody = z.object({ version, reason: z.string().trim().max(1000).optional() });

// ── The review of booked visits (issue: measures that change) ──────────────────────────────
export const reviewQuery = z.object({ facilityId: z.uuid() });
const personRef = z.object({ id: z.uuid(), givenName: z.string(), familyName: z.string() });
const snapshot = z.object({
  recommendation: outcome.nullable(),
  conditions: z.array(condition),
  factors: z.array(factor),
});
export const reviewResponse = z.object({
  facility: facilityRef,
  today: z.iso.date(),
  items: z.array(
    z.object({
      visit,
      person: personRef,
      booked: snapshot,
      now: snapshot.extend({ reasons: z.array(reason), block: block.nullable() }),
      changes: z.array(change),
      /** The recommendation made afresh gives a stricter outcome or new conditions. */
      stricter: z.boolean(),
      /** The outcome recommended now, the rule that stops the visit included. */
      recommended: outcome,
      videoAvailable: z.boolean(),
    }),
  ),
  /** Visits reviewed in the last 14 days, still ahead or cancelled. */
  reviewed: z.array(z.object({ visit, person: personRef })),
});
export const reviewBody = z.object({
  version,
  action: reviewAction,
  conditions: z.array(condition).max(2).default([]),
  videoSlot: slotRef.optional(),
  justification: z.string().trim().max(4000).optional(),
});
export const visitIdParams = z.object({ visitId: z.uuid() });
const notice = z.object({
  title: z.string(),
  paragraphs: z.array(z.string()),
  changesHeading: z.string(),
  changes: z.array(z.string()),
  legal: z.string(),
});
export const noticeResponse = z.object({
  visit,
  person: z.object({ id: z.uuid(), name: z.string() }),
  notice: z.object({ nb: notice, en: notice }).nullable(),
});
