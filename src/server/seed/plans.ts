import { type Insertable, type Kysely, sql } from 'kysely';
import type {
  Database,
  PlanGoalEventTable,
  PlanGoalTable,
  PlanTable,
  PlanVersionTable,
} from '../db/types.ts';
import { addDays } from '../domain/calendar.ts';
import { planReviewDate } from '../domain/plans.ts';
import type { NeedArea } from '../domain/risk.ts';
import { Random } from './random.ts';

// Demo plans: about half of the inmates with a current assessment have a plan for the sentence
// they serve, its goals drawn from the needs the assessment names. Most are agreed and signed a
// few days after the assessment, a few were refused first and agreed in a second version, the
// rest are drafts; some goals of agreed plans are reached or dropped. The fixture people are left
// without, so the walkthrough starts from nothing. Deterministic for the seed.

const GOALS: Record<NeedArea, { description: string; activities: string; responsible: string }> = {
  housing: {
    description: 'Fast bolig ved løslatelse',
    activities: 'Søknad om kommunal bolig; møte med boligkontoret',
    responsible: 'NAV-veileder i fengselet',
  },
  education: {
    description: 'Fullføre fag i videregående opplæring',
    activities: 'Undervisning i fengselets skole tre dager i uken',
    responsible: 'Skolen i fengselet',
  },
  work: {
    description: 'Arbeidserfaring og attest',
    activities: 'Arbeid i verkstedet; jobbsøking siste måneder',
    responsible: 'Domfelte og kontaktbetjent',
  },
  finances: {
    description: 'Oversikt over gjeld og en nedbetalingsplan',
    activities: 'Gjeldsrådgivning',
    responsible: 'NAV-veileder i fengselet',
  },
  health: {
    description: 'Oppfølging av helse etter løslatelse',
    activities: 'Fastlege og time hos helsetjenesten',
    responsible: 'Helsetjenesten i fengselet',
  },
  substance_use: {
    description: 'Rusfri gjennomføring',
    activities: 'Rusmestringsprogram og samtaler',
    responsible: 'Rusmestringsenheten',
  },
  network: {
    description: 'Et nettverk uten kriminalitet',
    activities: 'Kontakt med frivillig organisasjon',
    responsible: 'Kontaktbetjent',
  },
  family_children: {
    description: 'Kontakt med barna',
    activities: 'Besøk og videosamtaler; foreldreprogram',
    responsible: 'Domfelte og kontaktbetjent',
  },
};

export async function seedDemoPlans(db: Kysely<Database>, today: string, seed: number): Promise<void> {
  const rnd = new Random(seed).fork('plans');
  const rows = await db
    .selectFrom('risk_assessment as ra')
    .innerJoin('sentence as s', 's.person_id', 'ra.person_id')
    .select([
      'ra.id',
      'ra.person_id',
      sql<string>`ra.assessed_on::text`.as('assessed_on'),
      'ra.needs',
      's.id as sentence_id',
      's.order_date',
    ])
    .where('ra.status', '=', 'current')
    .where('s.status', '<>', 'released')
    .where('s.kind', '<>', 'remand')
    .where(sql<boolean>`ra.person_id::text not like 'd3e10000-%'`)
    .orderBy('ra.person_id')
    .orderBy('s.order_date', 'desc')
    .orderBy('s.id')
    .execute();

  const plans: Insertable<PlanTable>[] = [];
  const versions: Insertable<PlanVersionTable>[] = [];
  const goals: Insertable<PlanGoalTable>[] = [];
  const events: Insertable<PlanGoalEventTable>[] = [];
  /** Versions to decide once their goals are in: id → the decision. */
  const decisions: {
    id: string;
    status: 'agreed' | 'refused';
    on: string;
    signature: string;
    refusal: string | null;
  }[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.person_id)) continue;
    seen.add(r.person_id);
    if (!rnd.chance(0.5)) continue;
    const needs = (r.needs as { area: NeedArea; level: string }[]).filter((n) => n.level !== 'none');
    if (needs.length === 0) continue;
    const planId = rnd.uuid();
    const made = addDays(r.assessed_on, rnd.int(1, 7));
    const on = made > today ? today : made;
    const kind = rnd.chance(0.7) ? 'agreed' : rnd.chance(0.4) ? 'refused_then_agreed' : 'draft';
    const keys = needs.map(() => rnd.uuid());
    const content = (versionId: string) =>
      needs.map((n, i) => ({
        id: rnd.uuid(),
        version_id: versionId,
        goal_key: keys[i] as string,
        seq: i,
        need_area: n.area,
        need_justification: null,
        description: GOALS[n.area].description,
        activities: GOALS[n.area].activities,
        responsible: GOALS[n.area].responsible,
        start_date: on,
        due_date: addDays(on, rnd.int(60, 300)),
      }));
    const version = (id: string, number: number) => ({
      id,
      plan_id: planId,
      number,
      status: 'draft' as const,
      assessment_id: r.id,
      person_commitments: 'Møte til avtalte samtaler, delta i aktivitetene i planen og holde seg rusfri',
      service_commitments: 'Fast kontaktbetjent, samtale hver uke og hjelp til kontakt med NAV og kommunen',
      created_by: null,
      created_by_name: 'Demo saksbehandler',
    });
    plans.push({
      id: planId,
      person_id: r.person_id,
      sentence_id: r.sentence_id,
      created_by: null,
      created_by_name: 'Demo saksbehandler',
      next_review_date: kind === 'draft' ? null : planReviewDate(on),
    });
    const v1 = rnd.uuid();
    versions.push(version(v1, 1));
    goals.push(...content(v1));
    if (kind === 'agreed')
      decisions.push({ id: v1, status: 'agreed', on, signature: 'Signert av domfelte', refusal: null });
    if (kind === 'refused_then_agreed') {
      decisions.push({
        id: v1,
        status: 'refused',
        on,
        signature: '',
        refusal: 'Ønsket ikke å forplikte seg til rusfri gjennomføring',
      });
      const v2 = rnd.uuid();
      versions.push(version(v2, 2));
      goals.push(...content(v2));
      decisions.push({ id: v2, status: 'agreed', on, signature: 'Signert av domfelte', refusal: null });
    }
    if (kind !== 'draft')
      keys.forEach((key, i) => {
        const roll = rnd.next();
        if (roll < 0.3)
          events.push({
            id: rnd.uuid(),
            plan_id: planId,
            goal_key: key,
            status: 'reached',
            reason: null,
            by_user: null,
            by_name: 'Demo kontaktbetjent',
          });
        else if (roll < 0.38 && i > 0)
          events.push({
            id: rnd.uuid(),
            plan_id: planId,
            goal_key: key,
            status: 'dropped',
            reason: 'Tilbudet finnes ikke ved denne enheten',
            by_user: null,
            by_name: 'Demo kontaktbetjent',
          });
      });
  }

  const insert = async <T>(table: 'plan' | 'plan_version' | 'plan_goal' | 'plan_goal_event', values: T[]) => {
    for (let i = 0; i < values.length; i += 500)
      await db
        .insertInto(table)
        .values(values.slice(i, i + 500) as never)
        .execute();
  };
  await insert('plan', plans);
  // Versions go in as drafts with their goals; the decisions follow, in version order, so a
  // refused first version is decided before the second (one draft per plan at a time).
  const first = versions.filter((v) => v.number === 1);
  const second = versions.filter((v) => v.number === 2);
  const decide = async (ids: Set<string>) => {
    for (const d of decisions.filter((x) => ids.has(x.id)))
      await db
        .updateTable('plan_version')
        .set({
          status: d.status,
          decided_on: d.on,
          person_signature: d.status === 'agreed' ? d.signature : null,
          officer_signature: d.status === 'agreed' ? 'Demo saksbehandler' : null,
          refusal_reason: d.refusal,
          decided_at: new Date(`${d.on}T12:00:00Z`),
        })
        .where('id', '=', d.id)
        .execute();
  };
  await insert('plan_version', first);
  const firstIds = new Set(first.map((v) => v.id));
  await insert(
    'plan_goal',
    goals.filter((g) => firstIds.has(g.version_id)),
  );
  await decide(firstIds);
  await insert('plan_version', second);
  const secondIds = new Set(second.map((v) => v.id));
  await insert(
    'plan_goal',
    goals.filter((g) => secondIds.has(g.version_id)),
  );
  await decide(secondIds);
  await insert('plan_goal_event', events);
}
