import { z } from 'zod';
import { INCIDENT_TYPES, PARTY_KINDS, PARTY_ROLES, SEVERITIES } from '../../domain/incidents.ts';

export const type = z.enum(INCIDENT_TYPES);
export const role = z.enum(PARTY_ROLES);
export const partyKind = z.enum(PARTY_KINDS);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const version = z.number().int().min(1);
const text = (max: number) => z.string().trim().max(max);

export const partyInput = z.object({
  role,
  kind: partyKind,
  personId: z.uuid().optional(),
  staffId: z.uuid().optional(),
  name: text(200).optional(),
  note: text(1000).optional(),
});
export const actionInput = z.object({
  description: text(2000).min(1),
  owner: text(200).min(1),
  deadline: z.iso.date(),
});

export const reportBody = z.object({
  facilityId: z.uuid(),
  departmentId: z.uuid().nullable().optional(),
  type,
  occurredOn: z.iso.date(),
  occurredTime: time,
  place: text(200).optional(),
  description: text(8000).min(1),
  immediateActions: text(8000).optional(),
  injury: z.boolean().optional(),
  weapon: z.boolean().optional(),
  people: z.array(partyInput).max(50).default([]),
  actions: z.array(actionInput).max(50).default([]),
});

export const addPersonBody = partyInput.extend({ version });
export const addActionBody = actionInput.extend({ version });
export const actionUpdateBody = z.object({
  version,
  status: z.enum(['done', 'cancelled']),
  note: text(2000).optional(),
});
export const closeBody = z.object({ version, note: text(4000).optional() });

export const idParams = z.object({ id: z.uuid() });
export const actionParams = z.object({ id: z.uuid(), actionId: z.uuid() });

export const listQuery = z.object({
  facilityId: z.uuid().optional(),
  status: z.enum(['open', 'closed']).optional(),
  type: type.optional(),
  severity: z.enum(SEVERITIES).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const named = z.object({ id: z.uuid(), name: z.string() });

export const listItem = z.object({
  id: z.uuid(),
  version: z.number().int(),
  type,
  severity: z.enum(SEVERITIES),
  facility: named,
  department: named.nullable(),
  occurredOn: z.iso.date(),
  occurredTime: z.string(),
  status: z.enum(['open', 'closed']),
  source: z.enum(['report', 'leave']),
  people: z.number().int(),
  openActions: z.number().int(),
  overdueActions: z.number().int(),
});
export type ListItem = z.infer<typeof listItem>;

export const listResponse = z.object({
  items: z.array(listItem),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

export const party = z.object({
  id: z.uuid(),
  role,
  kind: partyKind,
  personId: z.uuid().nullable(),
  staffId: z.uuid().nullable(),
  name: z.string(),
  note: z.string(),
});

export const action = z.object({
  id: z.uuid(),
  version: z.number().int(),
  description: z.string(),
  owner: z.string(),
  deadline: z.iso.date(),
  status: z.enum(['open', 'done', 'cancelled']),
  overdue: z.boolean(),
  note: z.string().nullable(),
  completedBy: z.string().nullable(),
  completedAt: z.string().nullable(),
  createdBy: z.string(),
});

export const incident = listItem.extend({
  facility: named,
  severityReason: z.object({ reason: z.string(), source: z.string() }),
  place: z.string(),
  description: z.string(),
  immediateActions: z.string(),
  injury: z.boolean(),
  weapon: z.boolean(),
  closureNote: z.string().nullable(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  leaveApplicationId: z.uuid().nullable(),
  reportedBy: z.string(),
  reportedAt: z.string(),
  peopleInvolved: z.array(party),
  actions: z.array(action),
  notified: z.number().int(),
});
export type IncidentView = z.infer<typeof incident>;

export const facilitiesResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      name: z.string(),
      departments: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
    }),
  ),
});
export const staffResponse = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), staffNumber: z.string(), title: z.string() })),
});

export const statisticsQuery = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  bucket: z.enum(['month', 'year']).default('month'),
  orgUnitId: z.uuid().optional(),
  facilityId: z.uuid().optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

const figures = z.object({
  byType: z.record(z.string(), z.number().int()),
  total: z.number().int(),
  violenceAgainstStaff: z.number().int(),
  escapes: z.number().int(),
  failuresToReturn: z.number().int(),
  leavesTaken: z.number().int(),
  /** Of the leaves taken, those with a late return or none (the leave module's failures). */
  leaveFailures: z.number().int(),
  /** Failures per 1,000 leaves taken ("svikttall": late returns and no return); null without leaves. */
  perThousand: z.number().nullable(),
});
export type Figures = z.infer<typeof figures>;

export const statisticsResponse = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  bucket: z.enum(['month', 'year']),
  selection: z.object({
    kind: z.enum(['national', 'scope', 'org_unit', 'facility']),
    id: z.uuid().nullable(),
    name: z.string(),
  }),
  types: z.array(type),
  series: z.array(figures.extend({ period: z.iso.date(), from: z.iso.date(), to: z.iso.date() })),
  breakdown: z.object({
    kind: z.enum(['org_unit', 'facility']),
    items: z.array(figures.extend({ id: z.uuid(), name: z.string() })),
  }),
  total: figures,
});
export type Statistics = z.infer<typeof statisticsResponse>;

export const notificationsResponse = z.object({
  unread: z.number().int(),
  items: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(['incident_serious']),
      incident: z
        .object({
          id: z.uuid(),
          type,
          severity: z.enum(SEVERITIES),
          occurredOn: z.iso.date(),
          occurredTime: z.string(),
        })
        .nullable(),
      facility: named.nullable(),
      createdAt: z.string(),
      read: z.boolean(),
    }),
  ),
});
