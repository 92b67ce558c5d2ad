import type { Insertable, Kysely } from 'kysely';
import type {
  Database,
  IncidentActionTable,
  IncidentPartyTable,
  IncidentTable,
  SecurityClassificationTable,
} from '../db/types.ts';
import { addDays } from '../domain/calendar.ts';
import { type IncidentType, type PartyRole, SUBJECT_REQUIRED, severityOf } from '../domain/incidents.ts';
import { type Criteria, classify } from '../domain/security.ts';
import type { Organisation } from './organisation.ts';
import type { PeopleRows } from './people.ts';
import { Random } from './random.ts';

// Demo security data (seed 004): a classification of every facility by its static, dynamic and
// organisational security (Ila as special high, an open department in some high-security prisons
// classified on its own), and a few hundred incidents over the last three years with the people
// involved, follow-up actions (recent ones open, some overdue) and closures. Deterministic: the
// same seed and day give the same rows.

const YEARS = 3;
/** Incidents a bed a year: about 140 a year at Norway's scale. */
const RATE_PER_BED = 0.035;
const CLASSIFIED_BY = 'Eva Enhetsleder';

const CRITERIA: Record<
  'special_high' | 'high' | 'open_department' | 'lower' | 'halfway_house' | 'office',
  Criteria
> = {
  special_high: {
    static: { perimeter: 'wall', cameras: 'full', alarms: true, searches: 'systematic', entryControl: true },
    dynamic: { staffPresence: 'constant', contactOfficers: true, activities: 'daily' },
    organisational: {
      staffingPlan: true,
      localInstructions: true,
      trainedPercent: 95,
      incidentHandling: true,
      crisisPlans: true,
    },
  },
  high: {
    static: { perimeter: 'wall', cameras: 'full', alarms: true, searches: 'routine', entryControl: true },
    dynamic: { staffPresence: 'regular', contactOfficers: true, activities: 'daily' },
    organisational: {
      staffingPlan: true,
      localInstructions: true,
      trainedPercent: 80,
      incidentHandling: true,
      crisisPlans: true,
    },
  },
  open_department: {
    static: {
      perimeter: 'fence',
      cameras: 'partial',
      alarms: false,
      searches: 'on_suspicion',
      entryControl: false,
    },
    dynamic: { staffPresence: 'regular', contactOfficers: true, activities: 'full' },
    organisational: {
      staffingPlan: true,
      localInstructions: true,
      trainedPercent: 80,
      incidentHandling: true,
      crisisPlans: true,
    },
  },
  lower: {
    static: {
      perimeter: 'fence',
      cameras: 'partial',
      alarms: true,
      searches: 'on_suspicion',
      entryControl: false,
    },
    dynamic: { staffPresence: 'regular', contactOfficers: true, activities: 'full' },
    organisational: {
      staffingPlan: true,
      localInstructions: true,
      trainedPercent: 70,
      incidentHandling: true,
      crisisPlans: false,
    },
  },
  halfway_house: {
    static: {
      perimeter: 'none',
      cameras: 'none',
      alarms: true,
      searches: 'on_suspicion',
      entryControl: false,
    },
    dynamic: { staffPresence: 'regular', contactOfficers: true, activities: 'daily' },
    organisational: {
      staffingPlan: true,
      localInstructions: true,
      trainedPercent: 60,
      incidentHandling: true,
      crisisPlans: false,
    },
  },
  office: {
    static: {
      perimeter: 'none',
      cameras: 'none',
      alarms: true,
      searches: 'on_suspicion',
      entryControl: false,
    },
    dynamic: { staffPresence: 'occasional', contactOfficers: true, activities: 'few' },
    organisational: {
      staffingPlan: true,
      localInstructions: true,
      trainedPercent: 70,
      incidentHandling: true,
      crisisPlans: true,
    },
  },
};

const JUSTIFICATION: Record<keyof typeof CRITERIA, string> = {
  special_high:
    'Ringmur, full kameradekning, systematisk visitasjon og inngangskontroll; tilsatte alltid til stede i fellesskapet; forvaringsdømte.',
  high: 'Ringmur, kameraer og alarmanlegg, rutinemessig visitasjon og inngangskontroll; kontaktbetjenter og daglig aktivitet.',
  open_department: 'Åpen avdeling innenfor gjerdet: arbeid og program hele dagen, visitasjon ved mistanke.',
  lower: 'Gjerde, delvis kameradekning, visitasjon ved mistanke; arbeid og program for alle.',
  halfway_house: 'Ingen ytre sikring; alarm, kontaktbetjent og daglig oppfølging.',
  office: 'Publikumsmottak med alarm; instruks, opplæring og avvikshåndtering på plass.',
};

const TYPES: readonly [IncidentType, number][] = [
  ['contraband', 30],
  ['violence', 18],
  ['threat_staff', 10],
  ['staff_shortage', 8],
  ['self_harm', 8],
  ['failure_to_return', 6],
  ['other', 6],
  ['manipulation_staff', 3],
  ['escape', 3],
  ['fire', 2],
  ['infection_outbreak', 2],
  ['data_breach', 2],
  ['hostage', 0.5],
];

const DESCRIPTIONS: Record<IncidentType, string> = {
  violence: 'Slagsmål mellom innsatte.',
  threat_staff: 'Innsatte framsatte trusler mot betjent og betjentens familie.',
  manipulation_staff: 'Innsatte forsøkte å få betjent til å ta med mobiltelefon inn.',
  escape: 'Innsatte rømte under lufting.',
  failure_to_return: 'Innsatte returnerte ikke fra permisjon til fastsatt tid.',
  contraband: 'Funn av ulovlige rusmidler ved celleransaking.',
  self_harm: 'Innsatte skadet seg selv på cellen.',
  hostage: 'Innsatte holdt en betjent tilbake på cellen.',
  fire: 'Brann i madrass på celle; slukket av tilsatte.',
  infection_outbreak: 'Flere innsatte med bekreftet smitte i samme avdeling.',
  staff_shortage: 'Bemanningen lå under minimum på kveldsvakt.',
  data_breach: 'Utskrift med personopplysninger funnet i besøksrommet.',
  other: 'Avvik fra rutine ved telling.',
};
const PLACES = [
  'Lufteområdet',
  'Fellesarealet',
  'Besøksavdelingen',
  'Cellen',
  'Verkstedet',
  'Kjøkkenet',
  'Inngangen',
];
const ACTIONS = [
  ['Samtale med de involverte', 'Avdelingsleder'],
  ['Gjennomgang av rutinen', 'Sikkerhetsleder'],
  ['Anmeldelse til politiet', 'Enhetsleder'],
  ['Emosjonelt etterarbeid med tilsatte', 'Avdelingsleder'],
  ['Oppdatere lokal instruks', 'Sikkerhetsleder'],
] as const;

export async function seedDemoIncidents(
  db: Kysely<Database>,
  org: Organisation,
  people: PeopleRows,
  today: string,
  seed: number,
): Promise<{ classifications: number; incidents: number }> {
  const rng = new Random(seed).fork('incidents');
  const validFrom = `${Number(today.slice(0, 4)) - YEARS + 1}-01-01`;

  // Classifications: every facility, and an open department at some high-security prisons.
  const classifications: Insertable<SecurityClassificationTable>[] = [];
  const classification = (facilityId: string, departmentId: string | null, kind: keyof typeof CRITERIA) => {
    const criteria = CRITERIA[kind];
    const result = classify(criteria);
    classifications.push({
      id: rng.uuid(),
      facility_id: facilityId,
      department_id: departmentId,
      valid_from: validFrom,
      static_criteria: JSON.stringify(criteria.static),
      dynamic_criteria: JSON.stringify(criteria.dynamic),
      organisational_criteria: JSON.stringify(criteria.organisational),
      static_score: result.scores.static,
      dynamic_score: result.scores.dynamic,
      organisational_score: result.scores.organisational,
      level: result.level,
      justification: JUSTIFICATION[kind],
      classified_by: null,
      classified_by_name: CLASSIFIED_BY,
      classified_at: `${validFrom}T09:00:00Z`,
    });
  };
  const departments = new Map<string, string[]>();
  for (const d of org.departments)
    departments.set(d.facility_id, [...(departments.get(d.facility_id) ?? []), d.id]);
  for (const f of org.facilities) {
    const kind =
      f.code === 'ILA'
        ? 'special_high'
        : f.kind === 'prison_high'
          ? 'high'
          : f.kind === 'prison_lower'
            ? 'lower'
            : f.kind === 'halfway_house'
              ? 'halfway_house'
              : 'office';
    classification(f.id, null, kind);
    const own = departments.get(f.id) ?? [];
    if (kind === 'high' && own.length >= 2 && rng.chance(0.4))
      classification(f.id, own.at(-1) as string, 'open_department');
  }

  // Inmates by facility, with their stays, to name the people involved on the day.
  const stays = new Map<string, { person: string; from: string; to: string | null }[]>();
  for (const p of people.placements) {
    if (p.kind !== 'cell') continue;
    const list = stays.get(p.facility_id) ?? [];
    list.push({ person: p.person_id, from: p.from_date, to: p.to_date ?? null });
    stays.set(p.facility_id, list);
  }
  const staffRows = await db
    .selectFrom('staff_member')
    .select(['id', 'facility_id', 'name'])
    .orderBy('staff_number')
    .execute();
  const staffAt = new Map<string, { id: string; name: string }[]>();
  for (const s of staffRows) staffAt.set(s.facility_id, [...(staffAt.get(s.facility_id) ?? []), s]);

  const incidents: Insertable<IncidentTable>[] = [];
  const parties: Insertable<IncidentPartyTable>[] = [];
  const actions: Insertable<IncidentActionTable>[] = [];
  const facilities = [...org.prisons, ...org.halfwayHouses];
  for (const f of facilities) {
    const count = Math.max(1, Math.round(f.beds.length * RATE_PER_BED * YEARS * (0.6 + rng.next() * 0.8)));
    const own = departments.get(f.id) ?? [];
    const staff = staffAt.get(f.id) ?? [];
    for (let i = 0; i < count; i++) {
      const on = addDays(today, -rng.int(0, YEARS * 365 - 1));
      const time = `${String(rng.int(6, 22)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`;
      const present = (stays.get(f.id) ?? []).filter((s) => s.from <= on && (s.to === null || s.to > on));
      let type = rng.weighted(TYPES, ([, w]) => w)[0];
      if (SUBJECT_REQUIRED.includes(type) && present.length === 0) type = 'other';
      const id = rng.uuid();
      const involved: { role: PartyRole; person?: string; staff?: string }[] = [];
      const inmate = () => (present.length > 0 ? rng.pick(present).person : null);
      const member = () => (staff.length > 0 ? rng.pick(staff).id : null);
      const add = (role: PartyRole, who: { person?: string | null; staff?: string | null }) => {
        if (who.person && !involved.some((p) => p.role === role && p.person === who.person))
          involved.push({ role, person: who.person });
        if (who.staff && !involved.some((p) => p.role === role && p.staff === who.staff))
          involved.push({ role, staff: who.staff });
      };
      if (type === 'violence') {
        add('assailant', { person: inmate() });
        if (rng.chance(0.3)) add('victim', { staff: member() });
        else add('victim', { person: inmate() });
        if (rng.chance(0.5)) add('witness', { staff: member() });
      } else if (type === 'threat_staff' || type === 'hostage' || type === 'manipulation_staff') {
        add('assailant', { person: inmate() });
        add('victim', { staff: member() });
      } else if (SUBJECT_REQUIRED.includes(type) || (type === 'contraband' && rng.chance(0.8))) {
        add('subject', { person: inmate() });
      } else if (type === 'fire' && rng.chance(0.4)) add('subject', { person: inmate() });
      if (type !== 'staff_shortage' && type !== 'data_breach' && rng.chance(0.6))
        add('staff', { staff: member() });

      const injury = (type === 'violence' || type === 'self_harm') && rng.chance(0.25);
      const weapon = (type === 'violence' || type === 'contraband') && rng.chance(0.08);
      const severity = severityOf({
        type,
        injury,
        weapon,
        staffVictim: involved.some((p) => p.role === 'victim' && p.staff),
      }).severity;
      const age = Math.round((Date.parse(today) - Date.parse(on)) / 86_400_000);
      const closed = age > 60 || (age > 20 && rng.chance(0.5));
      const reporter = staff.length > 0 ? rng.pick(staff).name : 'Per Betjent';
      incidents.push({
        id,
        facility_id: f.id,
        department_id: own.length > 0 && type !== 'staff_shortage' ? rng.pick(own) : null,
        type,
        severity,
        occurred_on: on,
        occurred_time: time,
        place: rng.pick(PLACES),
        description: DESCRIPTIONS[type],
        immediate_actions:
          severity === 'serious'
            ? 'Situasjonen avklart; vakthavende og enhetsleder varslet.'
            : 'Forholdet notert.',
        injury,
        weapon,
        status: closed ? 'closed' : 'open',
        closure_note: null,
        closed_by_name: closed ? CLASSIFIED_BY : null,
        closed_at: closed ? `${addDays(on, Math.min(age, 30))}T12:00:00Z` : null,
        reported_by: null,
        reported_by_name: reporter,
        reported_at: `${on}T${time}:00+01:00`,
      });
      for (const p of involved)
        parties.push({
          id: rng.uuid(),
          incident_id: id,
          role: p.role,
          kind: p.person ? 'inmate' : 'staff',
          person_id: p.person ?? null,
          staff_id: p.staff ?? null,
          external_name: null,
        });
      const n = severity === 'low' ? 0 : rng.int(1, 2);
      for (let k = 0; k < n; k++) {
        const [description, owner] = ACTIONS[(i + k) % ACTIONS.length] as readonly [string, string];
        const deadline = addDays(on, rng.int(7, 28));
        const done = closed || (deadline < today && rng.chance(0.5));
        actions.push({
          id: rng.uuid(),
          incident_id: id,
          description,
          owner,
          deadline,
          status: done ? 'done' : 'open',
          completed_by_name: done ? owner : null,
          completed_at: done ? `${deadline < today ? deadline : today}T12:00:00Z` : null,
          created_by_name: reporter,
          created_at: `${on}T${time}:00+01:00`,
        });
      }
    }
  }
  const chunks = async <T>(rows: T[], insert: (part: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
  };
  await chunks(classifications, (part) => db.insertInto('security_classification').values(part).execute());
  await chunks(incidents, (part) => db.insertInto('incident').values(part).execute());
  await chunks(parties, (part) => db.insertInto('incident_party').values(part).execute());
  await chunks(actions, (part) => db.insertInto('incident_action').values(part).execute());
  return { classifications: classifications.length, incidents: incidents.length };
}
