import { z } from 'zod';
import { CHECKLIST_AREAS } from '../../domain/activities.ts';
import {
  GATE_ARRANGEMENTS,
  RELEASE_CONDITIONS,
  RELEASE_FORMS,
  SIGNIFICANCE_REASONS,
  STATUTORY_CONDITION,
} from '../../domain/release.ts';
import { RISK_LEVELS } from '../../domain/risk.ts';

const form = z.enum(RELEASE_FORMS);
const condition = z.enum(RELEASE_CONDITIONS);
const risk = z.enum(RISK_LEVELS);
const reason = z.enum(SIGNIFICANCE_REASONS);

const openItem = z.object({
  area: z.enum(CHECKLIST_AREAS),
  status: z.enum(['open', 'in_progress']),
  owner: z.string(),
  dueDate: z.iso.date().nullable(),
});

const keyDates = z.object({
  parole: z.iso.date().nullable(),
  termEnd: z.iso.date().nullable(),
  crisisEarlyRelease: z.iso.date().nullable(),
});

export const decision = z.object({
  id: z.uuid(),
  /** 1, 2, … per sentence; the version a change names as `expectedVersion`. */
  number: z.number().int(),
  status: z.enum(['current', 'superseded']),
  form,
  releaseDate: z.iso.date(),
  /** The key date the form was measured against, as it was. */
  keyDate: z.iso.date().nullable(),
  conditions: z.array(condition),
  statutoryConditions: z.array(z.literal(STATUTORY_CONDITION)),
  gate: z.enum(GATE_ARRANGEMENTS),
  notifyVictim: z.boolean(),
  notifyPolice: z.boolean(),
  justification: z.string().nullable(),
  /** The assessment the decision rests on and its release risk, as they were. */
  assessment: z
    .object({ id: z.uuid(), number: z.number().int().nullable(), releaseRisk: risk.nullable() })
    .nullable(),
  significant: z.boolean(),
  significance: z.array(reason),
  victims: z.number().int(),
  /** The checklist items still open when the decision was made: a warning, not a refusal. */
  openItems: z.array(openItem),
  decidedBy: z.string(),
  decidedAt: z.string(),
});
export type DecisionView = z.infer<typeof decision>;

const person = z.object({ id: z.uuid(), name: z.string() });

export const decisions = z.object({
  sentenceId: z.uuid(),
  person,
  current: decision.nullable(),
  /** Superseded decisions, the newest first. */
  history: z.array(decision),
});

export const proposal = z.object({
  sentenceId: z.uuid(),
  person,
  today: z.iso.date(),
  /** False when the sentence is not being served (queued or released): no decision can be made. */
  decidable: z.boolean(),
  /** The number of the current decision, or null: what a new decision names as `expectedVersion`. */
  currentVersion: z.number().int().nullable(),
  keyDates,
  assessment: z
    .object({
      id: z.uuid(),
      number: z.number().int(),
      assessedOn: z.iso.date(),
      releaseRisk: risk.nullable(),
    })
    .nullable(),
  significant: z.boolean(),
  significance: z.array(reason),
  victims: z.number().int(),
  /** Proposed conditions, least restrictive first, each with why. */
  conditions: z.array(z.object({ condition, reason: z.enum(['substance_use', 'victims', 'release_risk']) })),
  notifyVictim: z.boolean(),
  notifyPolice: z.boolean(),
  openItems: z.array(openItem),
});

export const sentenceParams = z.object({ sentenceId: z.uuid() });

export const createBody = z.object({
  sentenceId: z.uuid(),
  /** The number of the current decision the change is made on; null for the first. */
  expectedVersion: z.number().int().min(1).nullable(),
  form,
  releaseDate: z.iso.date(),
  conditions: z.array(condition).max(RELEASE_CONDITIONS.length).default([]),
  gate: z.enum(GATE_ARRANGEMENTS),
  notifyVictim: z.boolean(),
  notifyPolice: z.boolean(),
  justification: z.string().trim().max(4000).optional(),
});
export type CreateBody = z.infer<typeof createBody>;
