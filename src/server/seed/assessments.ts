import { type Insertable, type Kysely, sql } from 'kysely';
import type {
  Database,
  NonAssociationTable,
  RestrictionTable,
  RiskAssessmentTable,
  RiskRatingTable,
} from '../db/types.ts';
import { addDays } from '../domain/calendar.ts';
import {
  highestLevel,
  NEED_AREAS,
  NEED_LEVELS,
  proposeRestrictions,
  RISK_PURPOSES,
  rateRisk,
  reviewDate,
} from '../domain/risk.ts';
import type { SecurityLevel } from '../domain/security-levels.ts';
import { Random } from './random.ts';

// Demo assessments: about two in five of the people in a cell now have a current assessment made
// in the last eight months (so some reviews are overdue and more fall due soon), a share with
// recorded flags, the least restrictive measure for some high risks, and a few separations:
// co-defendants in different prisons kept apart at prison level, and gang conflicts inside one
// prison at department level between people in different departments. The fixture people are
// left without, so the walkthrough starts from an intake. Deterministic for the seed.

const SOURCES = [
  'Dom og fullbyrdelsesordre, personundersøkelse, samtale ved innsettelse',
  'Dom, tidligere soningsopplysninger, samtale med kontaktbetjent',
  'Dom, opplysninger fra politiet (INFOFLYT), samtale ved innsettelse',
];
const BASES: Record<(typeof RISK_PURPOSES)[number], string[]> = {
  placement: ['Vold mot medinnsatte under tidligere soning', 'Ingen kjente konflikter i miljøet'],
  leave: ['Tidligere brudd på permisjonsvilkår', 'Stabil atferd, fast bolig å dra til'],
  transport: ['Flyktforsøk under fremstilling i 2024', 'Ingen kjente risikoforhold'],
  visits: ['Mistanke om innsmugling ved besøk', 'Besøk av nær familie uten anmerkninger'],
  release: ['Trusler mot fornærmede', 'Bolig og arbeid er på plass'],
};
const LANGUAGES = ['polsk', 'litauisk', 'rumensk', 'arabisk', 'somali', 'engelsk'];
const SECURITY: SecurityLevel[] = ['lower', 'high', 'high', 'special_high'];

export async function seedDemoAssessments(db: Kysely<Database>, today: string, seed: number): Promise<void> {
  const rnd = new Random(seed).fork('assessments');
  const placed = await db
    .selectFrom('placement as pl')
    .innerJoin('bed as b', 'b.id', 'pl.bed_id')
    .innerJoin('cell as c', 'c.id', 'b.cell_id')
    .select(['pl.person_id', 'pl.facility_id', 'c.department_id'])
    .where('pl.kind', '=', 'cell')
    .where('pl.to_date', 'is', null)
    .where(sql<boolean>`pl.person_id::text not like 'd3e10000-%'`)
    .orderBy('pl.person_id')
    .execute();

  const assessments: Insertable<RiskAssessmentTable>[] = [];
  const ratings: RiskRatingTable[] = [];
  const restrictions: Insertable<RestrictionTable>[] = [];
  for (const p of placed) {
    if (!rnd.chance(0.4)) continue;
    const id = rnd.uuid();
    const assessedOn = addDays(today, -rnd.int(10, 240));
    const mine: RiskRatingTable[] = [];
    for (const purpose of RISK_PURPOSES) {
      if (purpose !== 'placement' && purpose !== 'leave' && !rnd.chance(0.5)) continue;
      const probability = rnd.int(1, 5);
      const consequence = rnd.int(1, 5);
      const { level } = rateRisk(probability, consequence);
      mine.push({
        assessment_id: id,
        purpose,
        probability,
        consequence,
        level,
        basis: BASES[purpose][level === 'low' ? 1 : 0] as string,
      });
    }
    const organised = rnd.chance(0.05);
    const security = rnd.chance(0.6) ? rnd.pick(SECURITY) : null;
    assessments.push({
      id,
      person_id: p.person_id,
      number: 1,
      occasion: rnd.chance(0.8) ? 'intake' : 'scheduled',
      assessed_on: assessedOn,
      review_date: reviewDate(assessedOn, highestLevel(mine.map((r) => r.level))),
      information_sources: rnd.pick(SOURCES),
      needs: JSON.stringify(
        NEED_AREAS.map((area) => ({ area, level: rnd.pick(NEED_LEVELS), note: '' })).filter(
          (n) => n.level !== 'none',
        ),
      ),
      resources: rnd.chance(0.5) ? 'Kontakt med familie; motivert for arbeid i fengselet' : '',
      security_level: security,
      security_basis: security ? 'Straffens lengde og risikovurderingen for plassering' : null,
      organised_criteria: organised ? [1, 2, 3, 5, 8, 11] : [],
      network_crime: organised || rnd.chance(0.05),
      mental_illness_risk: rnd.chance(0.06),
      interpreter_language: rnd.chance(0.1) ? rnd.pick(LANGUAGES) : null,
      infoflyt: organised && rnd.chance(0.5),
      created_by: null,
      created_by_name: 'Demo saksbehandler',
    });
    ratings.push(...mine);
    // The least restrictive measure that meets a high leave or visits risk, for some.
    for (const r of mine) {
      if (r.level !== 'high' || (r.purpose !== 'leave' && r.purpose !== 'visits') || !rnd.chance(0.5))
        continue;
      const kind = proposeRestrictions(r.purpose, r.level)[0];
      if (!kind) continue;
      restrictions.push({
        id: rnd.uuid(),
        person_id: p.person_id,
        assessment_id: id,
        kind,
        purpose: r.purpose,
        justification: r.basis,
        valid_from: assessedOn,
        created_by: null,
        created_by_name: 'Demo saksbehandler',
      });
    }
  }

  // Separations: pairs across prisons (co-defendants) and across departments of one prison (gangs).
  const separations: Insertable<NonAssociationTable>[] = [];
  const taken = new Set<string>();
  const shuffled = rnd.shuffle([...placed]);
  const wanted = Math.max(2, Math.floor(placed.length / 200));
  for (let i = 0; i < shuffled.length && separations.length < wanted; i++) {
    const a = shuffled[i];
    if (!a || taken.has(a.person_id)) continue;
    const sameFacility = separations.length % 2 === 1;
    const b = shuffled.find(
      (x) =>
        !taken.has(x.person_id) &&
        x.person_id !== a.person_id &&
        (sameFacility
          ? x.facility_id === a.facility_id && x.department_id !== a.department_id
          : x.facility_id !== a.facility_id),
    );
    if (!b) continue;
    taken.add(a.person_id);
    taken.add(b.person_id);
    separations.push({
      id: rnd.uuid(),
      person_id: a.person_id,
      other_person_id: b.person_id,
      level: sameFacility ? 'department' : 'facility',
      reason: sameFacility ? 'gang_conflict' : 'co_defendant',
      note: sameFacility ? 'Konflikt mellom miljøer, opplyst av politiet' : 'Medtiltalte i samme sak',
      created_by: null,
      created_by_name: 'Demo saksbehandler',
    });
  }

  for (let i = 0; i < assessments.length; i += 500)
    await db
      .insertInto('risk_assessment')
      .values(assessments.slice(i, i + 500))
      .execute();
  for (let i = 0; i < ratings.length; i += 1000)
    await db
      .insertInto('risk_rating')
      .values(ratings.slice(i, i + 1000))
      .execute();
  if (restrictions.length > 0) await db.insertInto('restriction').values(restrictions).execute();
  if (separations.length > 0) await db.insertInto('non_association').values(separations).execute();
}
