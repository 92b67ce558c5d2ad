import { type Insertable, type Kysely, sql } from 'kysely';
import type {
  ActivityEnrolmentTable,
  ActivityKindValue,
  ActivityTable,
  Database,
  PartnerContactTable,
  PartnerTable,
  ReferralTable,
} from '../db/types.ts';
import { addDays } from '../domain/calendar.ts';
import type { Organisation } from './organisation.ts';
import type { PeopleRows } from './people.ts';
import { Random } from './random.ts';

// Demo everyday life and the way out (seed 003): activities at every prison (workshop, school,
// a programme, leisure, an NGO's visiting service) with places by the prison's size; about two in
// three inmates enrolled, full activities with a waiting list, attendance for the last two weeks;
// a contact officer from the staff register for every inmate; partners with contact persons and
// referrals; and release checklists for inmates whose term ends within 90 days (the stored key
// dates make the rest when the release page is first opened) and for some released lately with
// items left open. Deterministic: the same seed and day give the same rows.

const CATALOGUE: { name: string; kind: ActivityKindValue; share: number; schedule: string }[] = [
  { name: 'Verksted', kind: 'work', share: 0.3, schedule: 'Mandag–fredag 08.00–14.30' },
  { name: 'Skole (videregående)', kind: 'school', share: 0.2, schedule: 'Mandag–torsdag 08.30–14.00' },
  {
    name: 'Program mot rus (RIF)',
    kind: 'programme',
    share: 0.06,
    schedule: 'Tirsdag og torsdag 10.00–12.00',
  },
  { name: 'Treningssal', kind: 'leisure', share: 0.12, schedule: 'Daglig 15.00–17.00' },
  { name: 'Røde Kors besøkstjeneste', kind: 'ngo', share: 0.05, schedule: 'Onsdag 17.00–19.00' },
];

const PARTNERS: {
  name: string;
  kind: PartnerTable['kind'];
  municipality: string;
  contact: string;
  role: string;
}[] = [
  {
    name: 'NAV Grünerløkka',
    kind: 'nav',
    municipality: 'Oslo',
    contact: 'Nina Berg',
    role: 'NAV-veileder i fengsel',
  },
  { name: 'NAV Bergenhus', kind: 'nav', municipality: 'Bergen', contact: 'Ola Hauge', role: 'NAV-veileder' },
  {
    name: 'Oslo kommune, boligkontoret',
    kind: 'municipality',
    municipality: 'Oslo',
    contact: 'Siri Lund',
    role: 'Boligkonsulent',
  },
  {
    name: 'Distriktspsykiatrisk senter Ila',
    kind: 'health',
    municipality: 'Bærum',
    contact: 'Per Vik',
    role: 'Psykologspesialist',
  },
  {
    name: 'Ila videregående skole',
    kind: 'school',
    municipality: 'Bærum',
    contact: 'Anne Moe',
    role: 'Rådgiver',
  },
  {
    name: 'Røde Kors Nettverk etter soning',
    kind: 'ngo',
    municipality: 'Oslo',
    contact: 'Kari Nes',
    role: 'Koordinator',
  },
  {
    name: 'WayBack',
    kind: 'user_organisation',
    municipality: 'Oslo',
    contact: 'Jon Dahl',
    role: 'Likeperson',
  },
  {
    name: 'Gjeldsrådgivning, NAV Økonomi',
    kind: 'nav',
    municipality: 'Oslo',
    contact: 'Liv Strand',
    role: 'Gjeldsrådgiver',
  },
];

const NEEDS: { area: ReferralTable['need_area']; kind: PartnerTable['kind']; text: string }[] = [
  {
    area: 'income_work',
    kind: 'nav',
    text: 'Avklaring av inntekt og arbeidsrettet oppfølging etter løslatelse.',
  },
  { area: 'housing', kind: 'municipality', text: 'Søknad om kommunal bolig fra løslatelsesdatoen.' },
  {
    area: 'health',
    kind: 'health',
    text: 'Videre behandling etter soning; samtykke til informasjonsutveksling foreligger.',
  },
  { area: 'education', kind: 'school', text: 'Fullføre fagbrev påbegynt under soning.' },
  { area: 'network', kind: 'ngo', text: 'Ønsker mentor og nettverk etter løslatelse.' },
  { area: 'debt', kind: 'nav', text: 'Gjeldsordning og forhandling med kreditorer.' },
];

/** A uuid of version 4 shape from a text, so ids made in SQL are deterministic and valid. */
const v4 = (text: ReturnType<typeof sql>) =>
  sql`overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;

export async function seedDemoActivities(
  db: Kysely<Database>,
  org: Organisation,
  people: PeopleRows,
  today: string,
  seed: number,
): Promise<void> {
  const rng = new Random(seed).fork('activities');
  const current = people.placements.filter((p) => p.to_date === null && p.kind === 'cell');
  const activities: Insertable<ActivityTable>[] = [];
  const enrolments: Insertable<ActivityEnrolmentTable>[] = [];
  for (const prison of org.prisons) {
    const inmates = current.filter((p) => p.facility_id === prison.id);
    const offered = CATALOGUE.map((c) => ({
      id: rng.uuid(),
      facility_id: prison.id,
      name: c.name,
      kind: c.kind,
      places: Math.max(4, Math.round(prison.beds.length * c.share)),
      schedule: c.schedule,
    }));
    activities.push(...offered);
    const taken = new Map<string, number>();
    for (const p of rng.shuffle([...inmates])) {
      // About one in four has nothing: the inactivity list has someone to show.
      if (rng.chance(0.25)) continue;
      const a = rng.pick(offered);
      const used = taken.get(a.id) ?? 0;
      const full = used >= a.places;
      if (!full) taken.set(a.id, used + 1);
      const since = addDays(today, -rng.int(0, 120));
      const from = String(p.from_date);
      enrolments.push({
        id: rng.uuid(),
        activity_id: a.id,
        person_id: p.person_id,
        status: full ? 'waiting' : 'enrolled',
        enrolled_on: full ? null : ([since, from].sort()[1] as string),
        created_by_name: 'Demo',
      });
    }
  }
  for (let i = 0; i < activities.length; i += 500)
    await db
      .insertInto('activity')
      .values(activities.slice(i, i + 500))
      .execute();
  for (let i = 0; i < enrolments.length; i += 500)
    await db
      .insertInto('activity_enrolment')
      .values(enrolments.slice(i, i + 500))
      .execute();

  // Attendance on weekdays of the last two weeks, about nine in ten present.
  await sql`
    insert into activity_attendance (enrolment_id, on_date, present, recorded_by_name)
    select e.id, g.day::date,
           (('x' || substr(md5(e.id::text || g.day::date::text), 1, 7))::bit(28)::int % 10) < 9, 'Demo'
    from activity_enrolment e
    cross join generate_series(${addDays(today, -14)}::date, ${addDays(today, -1)}::date, interval '1 day') as g(day)
    where e.status = 'enrolled' and g.day::date >= e.enrolled_on and extract(isodow from g.day) < 6`.execute(
    db,
  );

  // A contact officer for every inmate: the facility's officers in turn.
  await sql`
    insert into contact_officer (id, person_id, staff_id, valid_from, assigned_by_name)
    select ${v4(sql`pl.id::text || ':contact'`)}, pl.person_id, o.id, pl.from_date, 'Demo'
    from (select pl.*, row_number() over (partition by pl.facility_id order by pl.id) as n
          from placement pl where pl.to_date is null and pl.kind = 'cell') pl
    join lateral (select count(*) as c from staff_member s
                  where s.facility_id = pl.facility_id and s.title = 'officer' and s.active) k on k.c > 0
    join lateral (select s.id from staff_member s
                  where s.facility_id = pl.facility_id and s.title = 'officer' and s.active
                  order by s.staff_number offset ((pl.n - 1) % k.c) limit 1) o on true`.execute(db);

  // Partners with a contact person each, and referrals for inmates at the first prisons.
  const partners: Insertable<PartnerTable>[] = PARTNERS.map((p) => ({
    id: rng.uuid(),
    name: p.name,
    kind: p.kind,
    municipality: p.municipality,
  }));
  const contacts: Insertable<PartnerContactTable>[] = PARTNERS.map((p, i) => ({
    id: rng.uuid(),
    partner_id: partners[i]?.id as string,
    name: p.contact,
    role: p.role,
    phone: `+47 9${String(rng.int(1000000, 9999999))}`,
    email: '',
  }));
  await db.insertInto('partner').values(partners).execute();
  await db.insertInto('partner_contact').values(contacts).execute();
  const referred = rng.shuffle([...current]).slice(0, Math.min(60, current.length));
  const referrals: Insertable<ReferralTable>[] = referred.map((p) => {
    const need = rng.pick(NEEDS);
    const index = Math.max(
      0,
      PARTNERS.findIndex((x) => x.kind === need.kind),
    );
    const status = rng.pick(['sent', 'sent', 'received', 'accepted', 'declined', 'done'] as const);
    const sentOn = addDays(today, -rng.int(1, 90));
    const answered = status === 'accepted' || status === 'declined' || status === 'done';
    return {
      id: rng.uuid(),
      person_id: p.person_id,
      partner_id: partners[index]?.id as string,
      contact_id: contacts[index]?.id as string,
      need_area: need.area,
      text: need.text,
      status,
      answer: answered
        ? status === 'declined'
          ? 'Ikke kapasitet nå; ta kontakt igjen om tre måneder.'
          : 'Tatt inn; første møte avtales før løslatelsen.'
        : null,
      sent_on: sentOn,
      answered_on: answered ? addDays(sentOn, rng.int(1, 20)) : null,
      created_by_name: 'Demo',
    };
  });
  for (let i = 0; i < referrals.length; i += 500)
    await db
      .insertInto('referral')
      .values(referrals.slice(i, i + 500))
      .execute();

  // Checklists for inmates whose term ends within 90 days (the end of the term counted from
  // admission), and for people released in the last two months; items further along the closer
  // the release, some left open.
  await sql`
    insert into release_checklist (id, person_id, sentence_id, facility_id, release_date, created_on)
    select ${v4(sql`s.id::text || ':release'`)}, pl.person_id, s.id, pl.facility_id,
           pl.from_date + s.term_days, greatest(pl.from_date, pl.from_date + s.term_days - 90)
    from placement pl join sentence s on s.id = pl.sentence_id
    where pl.to_date is null and pl.kind = 'cell' and s.kind = 'prison' and s.term_days is not null
      and pl.from_date + s.term_days between ${today}::date and ${addDays(today, 90)}::date`.execute(db);
  await sql`
    insert into release_checklist (id, person_id, sentence_id, facility_id, release_date, created_on)
    select distinct on (s.id) ${v4(sql`s.id::text || ':release'`)}, s.person_id, s.id, ev.facility_id, ev.on_date, ev.on_date - 60
    from sentence_event ev join sentence s on s.id = ev.sentence_id
    join facility f on f.id = ev.facility_id and f.kind <> 'probation_office'
    where ev.status = 'released' and ev.on_date between ${addDays(today, -60)}::date and ${today}::date
    order by s.id, ev.on_date desc
    on conflict (sentence_id) do nothing`.execute(db);
  await sql`
    insert into release_checklist_item (id, checklist_id, area, status, owner, due_date, updated_by_name)
    select ${v4(sql`c.id::text || ':' || a.area`)}, c.id, a.area,
           case
             when h.v % 100 < greatest(10, 95 - (c.release_date - ${today}::date)) then
               case when h.v % 7 = 0 then 'not_needed' else 'done' end
             when h.v % 3 = 0 then 'in_progress'
             else 'open'
           end,
           a.owner, c.release_date - 7, 'Demo'
    from release_checklist c
    cross join (values ('housing', 'Boligkontoret'), ('income_work', 'NAV-veileder'), ('health', 'Helsetjenesten'),
                       ('debt', 'Gjeldsrådgiver'), ('id_papers', 'Kontaktbetjent'), ('network', 'Kontaktbetjent')) as a(area, owner)
    cross join lateral (select ('x' || substr(md5(c.id::text || a.area), 1, 7))::bit(28)::int as v) h`.execute(
    db,
  );
}
