import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database, LeaveApplicationTable } from '../db/types.ts';
import { addDays } from '../domain/calendar.ts';
import { DEFAULT_THRESHOLDS, situationOf } from '../domain/infection.ts';
import {
  type AreaSituation,
  type AssessmentFactors,
  assessLeave,
  justificationRequired,
  type LeaveKind,
  type LeavePurpose,
  leaveDays,
  legalReference,
} from '../domain/leave.ts';

// A handful of demo leave applications at one high-security prison (Oslo fengsel when the demo
// holds it): pending ones of each kind, granted ones ahead, refused ones (one appealed), and leave
// taken in the past with returns, one of them late and one not returned, so the failure figures
// have something to count. Ids are fixed; the people are the prison's first inmates by id.

type Spec = {
  kind: LeaveKind;
  purpose: LeavePurpose;
  /** Days from today to the departure; negative for leave already taken. */
  start: number;
  length: number;
  transport: boolean;
  status: 'pending' | 'granted' | 'refused';
  outcome?: 'granted' | 'granted_with_conditions' | 'refused';
  returned?: 'on_time' | 'late' | 'not_returned';
  appeal?: boolean;
  description: string;
};

const SPECS: Spec[] = [
  {
    kind: 'ordinary',
    purpose: 'family',
    start: 10,
    length: 2,
    transport: true,
    status: 'pending',
    description: 'Helgepermisjon hos foreldrene.',
  },
  {
    kind: 'welfare',
    purpose: 'children',
    start: 6,
    length: 1,
    transport: false,
    status: 'pending',
    description: 'Datterens konfirmasjon.',
  },
  {
    kind: 'escorted',
    purpose: 'social',
    start: 4,
    length: 0,
    transport: false,
    status: 'pending',
    description: 'Besøk hos en venn.',
  },
  {
    kind: 'day_release',
    purpose: 'work',
    start: 8,
    length: 0,
    transport: true,
    status: 'pending',
    description: 'Arbeid hos snekkerfirma på dagtid.',
  },
  {
    kind: 'ordinary',
    purpose: 'family',
    start: 14,
    length: 2,
    transport: false,
    status: 'granted',
    outcome: 'granted',
    description: 'Permisjon hos samboer.',
  },
  {
    kind: 'escorted',
    purpose: 'health',
    start: 3,
    length: 0,
    transport: false,
    status: 'granted',
    outcome: 'granted_with_conditions',
    description: 'Legetime hos spesialist.',
  },
  {
    kind: 'short',
    purpose: 'social',
    start: 5,
    length: 0,
    transport: true,
    status: 'refused',
    outcome: 'refused',
    appeal: true,
    description: 'Fotballkamp.',
  },
  {
    kind: 'welfare',
    purpose: 'family',
    start: -20,
    length: 1,
    transport: false,
    status: 'granted',
    outcome: 'granted',
    returned: 'on_time',
    description: 'Begravelse.',
  },
  {
    kind: 'ordinary',
    purpose: 'family',
    start: -12,
    length: 2,
    transport: false,
    status: 'granted',
    outcome: 'granted',
    returned: 'late',
    description: 'Helgepermisjon.',
  },
  {
    kind: 'short',
    purpose: 'work',
    start: -8,
    length: 0,
    transport: false,
    status: 'granted',
    outcome: 'granted',
    returned: 'on_time',
    description: 'Jobbintervju.',
  },
  {
    kind: 'ordinary',
    purpose: 'social',
    start: -5,
    length: 1,
    transport: true,
    status: 'granted',
    outcome: 'granted',
    returned: 'not_returned',
    description: 'Permisjon hos venner.',
  },
];

const id = (n: number, kind: 'a' | 'p' | 'r') =>
  `5ea1e000-0000-4000-8000-${(kind === 'a' ? 0 : kind === 'p' ? 1 : 2).toString().padStart(4, '0')}${n.toString().padStart(8, '0')}`;

async function area(db: Kysely<Database>, municipality: string, today: string): Promise<AreaSituation> {
  const rows = await db
    .selectFrom('infection_level')
    .select(['on_date as date', 'incidence_14d as incidence'])
    .where(sql<boolean>`lower(municipality) = lower(${municipality})`)
    .where('on_date', '>=', addDays(today, -30))
    .where('on_date', '<=', today)
    .execute();
  const s = situationOf(
    rows.map((r) => ({ date: r.date, incidence: Number(r.incidence) })),
    today,
    DEFAULT_THRESHOLDS,
  );
  return { municipality, level: s.level, trend: s.trend, incidence14d: s.current?.incidence ?? null };
}

export async function seedDemoLeave(db: Kysely<Database>, today: string): Promise<void> {
  const prison = await db
    .selectFrom('facility')
    .select(['id', 'municipality'])
    .where('kind', '=', 'prison_high')
    .orderBy(sql`code = 'OSL'`, 'desc')
    .orderBy('code')
    .limit(1)
    .executeTakeFirst();
  if (!prison) return;
  const inmates = await db
    .selectFrom('placement as pl')
    .innerJoin('person as p', 'p.id', 'pl.person_id')
    .select(['p.id', 'p.birth_date'])
    .where('pl.facility_id', '=', prison.id)
    .where('pl.kind', '=', 'cell')
    .where('pl.to_date', 'is', null)
    .orderBy('p.id')
    .limit(SPECS.length)
    .execute();
  const destinations = (
    await db
      .selectFrom('facility')
      .select('municipality')
      .distinct()
      .where('municipality', '<>', prison.municipality)
      .orderBy('municipality')
      .limit(6)
      .execute()
  ).map((r) => r.municipality);
  if (inmates.length === 0 || destinations.length === 0) return;
  const here = await area(db, prison.municipality, today);
  const rows: Insertable<LeaveApplicationTable>[] = [];
  const records: Insertable<Database['leave_record']>[] = [];
  for (const [n, spec] of SPECS.entries()) {
    const person = inmates[n % inmates.length];
    if (!person) continue;
    const destination = destinations[n % destinations.length] as string;
    const fromDate = addDays(today, spec.start);
    const toDate = addDays(fromDate, spec.length);
    const toTime = spec.length === 0 ? '16:00' : '18:00';
    const days = leaveDays(fromDate, '09:00', toDate, toTime) ?? 1;
    const decidedOn = addDays(fromDate > today ? today : fromDate, -3);
    const factors: AssessmentFactors = {
      asOf: decidedOn,
      kind: spec.kind,
      purpose: spec.purpose,
      fromDate,
      days,
      publicTransport: spec.transport,
      prison: here,
      destination: await area(db, destination, today),
      staffing: { staff: 0, inQuarantine: 0 },
      measures: [],
      minor: false,
      eligibility: { firstDate: null, firstDateRule: null, quotaLeft: null },
    };
    const assessment = assessLeave(factors);
    const decided = spec.status !== 'pending';
    rows.push({
      id: id(n + 1, 'a'),
      person_id: person.id,
      facility_id: prison.id,
      kind: spec.kind,
      from_date: fromDate,
      from_time: '09:00',
      to_date: toDate,
      to_time: toTime,
      days,
      destination_municipality: destination,
      public_transport: spec.transport,
      purpose: spec.purpose,
      description: spec.description,
      status: spec.status,
      applied_by_name: 'Demo saksbehandler',
      applied_at: `${addDays(decidedOn, -4)}T10:00:00Z`,
      ...(decided && {
        outcome: spec.outcome ?? null,
        recommendation: assessment.recommendation,
        factors: JSON.stringify(factors),
        assessment: JSON.stringify(assessment),
        conditions: spec.outcome === 'granted_with_conditions' ? ['shorter'] : [],
        justification:
          spec.outcome && justificationRequired(assessment.recommendation, spec.outcome)
            ? 'Vurdert konkret opp mot smittesituasjonen og behovet (demo).'
            : null,
        legal_reference: legalReference(spec.kind),
        decided_by_name: 'Demo avdelingsleder',
        decided_at: `${decidedOn}T12:00:00Z`,
      }),
      ...(spec.returned && {
        return_status: spec.returned,
        returned_date: spec.returned === 'not_returned' ? null : toDate,
        returned_time: spec.returned === 'not_returned' ? null : spec.returned === 'late' ? '21:30' : toTime,
        return_recorded_by_name: 'Demo betjent',
      }),
    });
    if (decided && spec.outcome !== 'refused' && (spec.kind === 'ordinary' || spec.kind === 'welfare'))
      records.push({
        id: id(n + 1, 'r'),
        person_id: person.id,
        kind: spec.kind,
        from_date: fromDate,
        to_date: toDate,
        days,
        application_id: id(n + 1, 'a'),
      });
  }
  await db.insertInto('leave_application').values(rows).execute();
  if (records.length > 0) await db.insertInto('leave_record').values(records).execute();
  const appealed = SPECS.findIndex((s) => s.appeal);
  if (appealed >= 0 && rows[appealed])
    await db
      .insertInto('leave_appeal')
      .values({
        id: id(appealed + 1, 'p'),
        application_id: id(appealed + 1, 'a'),
        received_on: today,
        grounds: 'Jeg mener smitterisikoen er liten og ønsker ny vurdering.',
        registered_by_name: 'Demo betjent',
      })
      .execute();
}
