import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database, ReleaseDecisionTable } from '../db/types.ts';
import { CHECKLIST_AREAS } from '../domain/activities.ts';
import { addDays } from '../domain/calendar.ts';
import { GATE_ARRANGEMENTS, significance } from '../domain/release.ts';
import type { FlagCode, RiskLevel } from '../domain/risk.ts';
import { Random } from './random.ts';

// Demo release decisions: about half of the inmates with a checklist whose release falls within
// the next 45 days have a decision at the end of the term (the date their checklist is made for),
// a few of them changed once; a decision of significance for public safety (high release risk,
// INFOFLYT, serious crime) is justified and rests on the assessment, and one that would be
// significant without an assessment is left undecided, as the rule demands. The checklist items
// still open are stored as they stand. Deterministic for the seed and the day.

const JUSTIFICATIONS = [
  'Bolig er bekreftet av kommunen, NAV-veileder er på plass; ukentlig kontakt med friomsorgen første måned.',
  'Hentes av familie. Risikoen ved løslatelse er vurdert; politiet er varslet gjennom INFOFLYT.',
  'Overgang til behandlingsplass fra løslatelsesdagen er avtalt med helsetjenesten.',
];

export async function seedDemoRelease(db: Kysely<Database>, today: string, seed: number): Promise<void> {
  const rnd = new Random(seed).fork('release');
  const rows = await db
    .selectFrom('release_checklist as c')
    .innerJoin('sentence as s', 's.id', 'c.sentence_id')
    .leftJoin('risk_assessment as a', (j) =>
      j.onRef('a.person_id', '=', 'c.person_id').on('a.status', '=', 'current'),
    )
    .leftJoin('risk_rating as r', (j) =>
      j.onRef('r.assessment_id', '=', 'a.id').on('r.purpose', '=', 'release'),
    )
    .select([
      'c.id',
      'c.person_id',
      'c.sentence_id',
      'c.release_date',
      'a.id as assessment_id',
      'a.infoflyt',
      'r.level as release_risk',
      sql<boolean>`exists (select 1 from judgment_offence o join judgment j on j.id = o.judgment_id
        where j.person_id = c.person_id and o.max_penalty_months > 72)`.as('serious'),
      sql<number>`(select count(*)::int from victim v join judgment j on j.id = v.judgment_id
        where j.person_id = c.person_id)`.as('victims'),
    ])
    .where('s.status', '=', 'admitted')
    .where('c.release_date', '>', today)
    .where('c.release_date', '<=', addDays(today, 45))
    .orderBy('c.id')
    .execute();
  const items = rows.length
    ? await db
        .selectFrom('release_checklist_item')
        .select(['checklist_id', 'area', 'status', 'owner', 'due_date'])
        .where(
          'checklist_id',
          'in',
          rows.map((r) => r.id),
        )
        .where('status', 'in', ['open', 'in_progress'])
        .execute()
    : [];
  const decisions: Insertable<ReleaseDecisionTable>[] = [];
  for (const r of rows) {
    if (!rnd.chance(0.5)) continue;
    const flags: FlagCode[] = [];
    if (r.infoflyt) flags.push('infoflyt');
    if (r.serious) flags.push('serious_crime');
    const risk = (r.release_risk ?? null) as RiskLevel | null;
    const s = significance({ releaseRisk: risk, flags });
    // Significant without an assessment: no decision can be made yet.
    if (s.significant && !r.assessment_id) continue;
    const open = items
      .filter((i) => i.checklist_id === r.id)
      .sort((a, b) => CHECKLIST_AREAS.indexOf(a.area) - CHECKLIST_AREAS.indexOf(b.area))
      .map((i) => ({ area: i.area, status: i.status, owner: i.owner, dueDate: i.due_date }));
    const versions = rnd.chance(0.15) ? 2 : 1;
    for (let n = 1; n <= versions; n++) {
      const gate =
        risk === 'high' ? (rnd.chance(0.5) ? 'escorted' : 'police') : rnd.pick(GATE_ARRANGEMENTS.slice(0, 2));
      decisions.push({
        id: rnd.uuid(),
        person_id: r.person_id,
        sentence_id: r.sentence_id,
        number: n,
        status: n === versions ? 'current' : 'superseded',
        form: 'term_end',
        release_date: r.release_date,
        key_date: r.release_date,
        conditions: [],
        statutory_conditions: [],
        gate,
        notify_victim: r.victims > 0,
        notify_police: risk === 'high' || r.infoflyt === true,
        justification: s.significant || rnd.chance(0.3) ? rnd.pick(JUSTIFICATIONS) : null,
        assessment_id: r.assessment_id,
        release_risk: risk,
        significant: s.significant,
        significance: s.reasons,
        victims: r.victims,
        open_items: JSON.stringify(open),
        decided_by: null,
        decided_by_name: 'Demo',
        decided_at: new Date(`${addDays(today, -versions + n - 3)}T10:00:00Z`),
      });
    }
  }
  for (let i = 0; i < decisions.length; i += 500)
    await db
      .insertInto('release_decision')
      .values(decisions.slice(i, i + 500))
      .execute();
}
