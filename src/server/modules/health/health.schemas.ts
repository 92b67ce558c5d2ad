import { z } from 'zod';
import {
  CONTACT_KINDS,
  HEALTH_STATUSES,
  TRACING_DEFAULT_DAYS,
  TRACING_MAX_DAYS,
} from '../../domain/health.ts';

export const healthStatus = z.enum(HEALTH_STATUSES);
export const subjectKind = z.enum(['inmate', 'staff']);
export const shift = z.enum(['day', 'evening', 'night']);
export const staffTitle = z.enum(['officer', 'health', 'teacher', 'leader', 'other']);
const ref = z.object({ id: z.uuid(), name: z.string() });
const version = z.number().int().min(1);

export const idParams = z.object({ id: z.uuid() });
export const onQuery = z.object({ on: z.iso.date().optional() });

export const facilitiesResponse = z.object({
  items: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
});

// ------------------------------------------------------------------ staff

export const staffMember = z.object({
  id: z.uuid(),
  staffNumber: z.string(),
  name: z.string(),
  facilityId: z.uuid(),
  department: ref.nullable(),
  title: staffTitle,
  active: z.boolean(),
});
export type StaffView = z.infer<typeof staffMember>;

export const staffResponse = z.object({
  facility: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  departments: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
  items: z.array(staffMember),
});

export const createStaffBody = z.object({
  name: z.string().trim().min(1).max(200),
  staffNumber: z.string().trim().min(1).max(40),
  facilityId: z.uuid(),
  departmentId: z.uuid().nullable().optional(),
  title: staffTitle,
});

// ------------------------------------------------------------------ statuses

export const statusView = z.object({
  id: z.uuid(),
  version: z.number().int(),
  subject: z.object({ kind: subjectKind, id: z.uuid(), name: z.string() }),
  facility: ref,
  status: healthStatus,
  fromDate: z.iso.date(),
  toDate: z.iso.date().nullable(),
  tracedFromId: z.uuid().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  /** Open on the list's date (today for a person's own list). */
  open: z.boolean(),
});
export type StatusView = z.infer<typeof statusView>;

export const statusListQuery = z.object({ facilityId: z.uuid(), on: z.iso.date().optional() });
export const statusListResponse = z.object({
  facility: ref,
  on: z.iso.date(),
  items: z.array(statusView),
});
export const personStatusesResponse = z.object({ today: z.iso.date(), items: z.array(statusView) });

/** personId for an inmate, staffId for a staff member: the service says which is missing. */
export const recordBody = z.object({
  subjectKind,
  personId: z.uuid().optional(),
  staffId: z.uuid().optional(),
  status: healthStatus,
  fromDate: z.iso.date(),
  toDate: z.iso.date().nullable().optional(),
  tracedFromId: z.uuid().nullable().optional(),
});

export const endBody = z.object({ version, toDate: z.iso.date().optional() });

// ------------------------------------------------------------------ roster

export const rosterQuery = z.object({ from: z.iso.date(), to: z.iso.date() });
export const rosterEntry = z.object({
  id: z.uuid(),
  staff: z.object({ id: z.uuid(), name: z.string(), staffNumber: z.string() }),
  department: ref,
  onDate: z.iso.date(),
  shift,
  flag: z.enum(['other_department', 'other_location']).nullable(),
});
export const rosterResponse = z.object({
  facility: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  from: z.iso.date(),
  to: z.iso.date(),
  /** The level of the measure "staff work in one department" in force today, or null. */
  oneDepartmentLevel: z.enum(['flag', 'refuse']).nullable(),
  departments: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
  staff: z.array(z.object({ id: z.uuid(), name: z.string(), staffNumber: z.string() })),
  items: z.array(rosterEntry),
});
export const addRosterBody = z.object({
  staffId: z.uuid(),
  departmentId: z.uuid(),
  onDate: z.iso.date(),
  shift,
});

// ------------------------------------------------------------------ tracing

export const contactsQuery = z.object({
  days: z.coerce.number().int().min(1).max(TRACING_MAX_DAYS).default(TRACING_DEFAULT_DAYS),
});
const contactKind = z.enum(CONTACT_KINDS);
export const contact = z.object({
  subject: z.object({ kind: subjectKind, id: z.uuid(), name: z.string() }),
  exposure: contactKind,
  kinds: z.array(z.object({ kind: contactKind, days: z.number().int(), lastDate: z.iso.date() })),
  days: z.number().int(),
  lastDate: z.iso.date(),
  /** Statuses the contact has open today: already known to the health service. */
  openStatuses: z.array(healthStatus),
});
export const contactsResponse = z.object({
  case: statusView,
  window: z.object({ from: z.iso.date(), to: z.iso.date(), days: z.number().int() }),
  items: z.array(contact),
  /** Contacts found whose contact happened only in facilities outside the reader's scope. */
  outOfScope: z.number().int(),
});

export const quarantineBody = z.object({
  fromDate: z.iso.date(),
  toDate: z.iso.date(),
  people: z
    .array(z.object({ kind: subjectKind, id: z.uuid() }))
    .min(1)
    .max(500),
});
export const quarantineResponse = z.object({
  recorded: z.array(statusView),
  skipped: z.array(
    z.object({
      subject: z.object({ kind: subjectKind, id: z.uuid(), name: z.string() }),
      reason: z.enum(['already_separated', 'not_placed']),
    }),
  ),
});
