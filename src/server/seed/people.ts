import type { Insertable } from 'kysely';
import type {
  JudgmentTable,
  PersonTable,
  PlacementTable,
  PostponementReason,
  SentenceEventTable,
  SentenceKind,
  SentenceStatus,
  SentenceTable,
} from '../db/types.ts';
import { addDays, daysBetween, startOfWeek } from '../domain/calendar.ts';
import { makeNationalId } from '../domain/identity-number.ts';
import { normaliseName } from '../domain/names.ts';
import { COURTS, type Court, FINE_OFFENCES, OFFENCES, type Offence, offenceGroupsOf } from './courts.ts';
import { UNIT_POPULATION } from './facilities.ts';
import { DEMO_FACILITIES, DEMO_PEOPLE, type DemoPerson } from './fixtures.ts';
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from './names.ts';
import type { BedInfo, FacilityInfo, Organisation } from './organisation.ts';
import type { Random } from './random.ts';

// People and what has happened to them: judgments, sentences with their status history, and
// stays in beds or on electronic monitoring. Each person gets one story (in prison, on remand,
// on EM, serving a community sentence, waiting in the queue, or released), some also an older
// conviction; dates are counted back from `today`.

type Sex = 'female' | 'male';

export interface PeopleRows {
  persons: Insertable<PersonTable>[];
  judgments: Insertable<JudgmentTable>[];
  sentences: Insertable<SentenceTable>[];
  events: Insertable<SentenceEventTable>[];
  placements: Insertable<PlacementTable>[];
}

/** Targets at scale 1, from the Norwegian Correctional Service's published figures (rounded). */
const TARGETS = { remand: 600, queue: 1000, em: 400, community: 300, released: 600 };
const OCCUPANCY = { min: 0.85, max: 0.9 };
const PRIOR_CONVICTION_SHARE = 0.2;
const MAX_TERM_DAYS = 7665; // 21 years

/** Age buckets [from, to, weight]: the prison population is mostly 23–49, a few under 18. */
type AgeProfile = readonly (readonly [number, number, number])[];
const AGES_INMATE: AgeProfile = [
  [18, 22, 9],
  [23, 29, 22],
  [30, 39, 31],
  [40, 49, 21],
  [50, 59, 11],
  [60, 75, 6],
];
const AGES_QUEUE: AgeProfile = [
  [15, 17, 0.6],
  [18, 22, 12],
  [23, 29, 23],
  [30, 39, 28],
  [40, 49, 19],
  [50, 59, 11],
  [60, 75, 6],
];

interface SentenceFields {
  judgment_id: string;
  person_id: string;
  kind: SentenceKind;
  status: SentenceStatus;
  responsible_facility_id: string;
  term_days?: number | null;
  minimum_term_days?: number | null;
  frame_days?: number | null;
  hours?: number | null;
  substitute_days?: number | null;
  order_date?: string | null;
  summons_sent_on?: string | null;
  appearance_date?: string | null;
  appearance_facility_id?: string | null;
  postponed_until?: string | null;
  postponement_reason?: PostponementReason | null;
  postponement_note?: string | null;
}

const REASON = {
  remand: 'Varetektsfengslet etter kjennelse',
  remandEnded: 'Varetekt opphørt: dommen er rettskraftig',
  remandReleased: 'Løslatt fra varetekt',
  fromRemand: 'Overgang fra varetekt til straffegjennomføring',
  toLower: 'Overført til lavere sikkerhetsnivå (SGL § 15)',
  toHalfway: 'Overført til overgangsbolig (SGL § 15)',
  toEm: 'Overført til straffegjennomføring med elektronisk kontroll (SGL § 16 a)',
  em: 'Straffegjennomføring med elektronisk kontroll (SGL § 16 a)',
  parole: 'Prøveløslatt (SGL § 42)',
  served: 'Straffen er gjennomført',
  community: 'Samfunnsstraffen er gjennomført',
} as const;

type Weighted<T> = readonly (readonly [T, number])[];
const REASONS_FEMALE: Weighted<PostponementReason> = [
  ['pregnancy', 25],
  ['infant', 15],
  ['illness', 35],
  ['pardon', 10],
  ['other', 15],
];
const REASONS_MALE: Weighted<PostponementReason> = [
  ['illness', 55],
  ['pardon', 20],
  ['other', 25],
];

const POSTPONEMENT_NOTES: Record<PostponementReason, readonly string[]> = {
  pardon: ['Benådningssøknad til behandling'],
  illness: [
    'Legeerklæring om alvorlig sykdom',
    'Innlagt på sykehus',
    'Under behandling, ny vurdering etter kontroll',
  ],
  pregnancy: ['Termin før forventet løslatelse'],
  infant: ['Fødte for mindre enn ni måneder siden'],
  other: ['Avslutter skoleår', 'Sesongarbeid, arbeidsgiver bekrefter', 'Omsorg for syk nærstående'],
};

export function buildPeople(rng: Random, org: Organisation, scale: number, today: string): PeopleRows {
  return new PeopleBuilder(rng, org, scale, today).build();
}

class PeopleBuilder {
  readonly rows: PeopleRows = { persons: [], judgments: [], sentences: [], events: [], placements: [] };
  readonly #rng: Random;
  readonly #org: Organisation;
  readonly #scale: number;
  readonly #today: string;
  readonly #monday: string;
  readonly #nationalIds = new Set<string>();
  readonly #caseNumbers = new Set<string>();
  /** When each bed is taken: [from, to) with '9999-12-31' for a current stay. */
  readonly #bedBusy = new Map<string, [string, string][]>();
  /** The earliest judgment date of each person still being built. */
  readonly #earliest = new Map<string, string>();
  readonly #womenBeds = new Map<string, BedInfo[]>();
  readonly #menBeds = new Map<string, BedInfo[]>();
  readonly #allFacilities: FacilityInfo[];
  /**
   * Stays in other beds than today's are placed once every current stay is known, so that they
   * never overlap one: while the current stays are being made, they wait here.
   */
  #deferred: (() => void)[] | null = null;

  constructor(rng: Random, org: Organisation, scale: number, today: string) {
    this.#rng = rng;
    this.#org = org;
    this.#scale = scale;
    this.#today = today;
    this.#monday = startOfWeek(today);
    this.#allFacilities = [...org.prisons, ...org.halfwayHouses];
    for (const f of this.#allFacilities) {
      this.#womenBeds.set(
        f.id,
        f.beds.filter((b) => b.women),
      );
      this.#menBeds.set(
        f.id,
        f.beds.filter((b) => !b.women && !b.youth),
      );
    }
  }

  build(): PeopleRows {
    this.#deferred = [];
    this.#fixtures();
    this.#inmates();
    for (const place of this.#deferred) place();
    this.#deferred = null;
    this.#emAndCommunity();
    this.#queue();
    this.#released();
    return this.rows;
  }

  #n(target: number): number {
    return Math.round(target * this.#scale);
  }

  // ---------------------------------------------------------------- the stories

  /** Everyone in a bed today: remand, prison, preventive detention, youth, fines. */
  #inmates(): void {
    const rng = this.#rng;
    const fixtureBeds = new Set(this.rows.placements.filter((p) => p.to_date === null).map((p) => p.bed_id));
    type Slot = { facility: FacilityInfo; bed: BedInfo };
    const occupied = new Map<FacilityInfo, Slot[]>();
    for (const facility of this.#allFacilities) {
      const rate = OCCUPANCY.min + rng.next() * (OCCUPANCY.max - OCCUPANCY.min);
      const count = Math.min(facility.beds.length - 1, Math.round(facility.beds.length * rate));
      const taken = facility.beds.filter((b) => fixtureBeds.has(b.id)).length;
      const free = rng.shuffle(facility.beds.filter((b) => !fixtureBeds.has(b.id)));
      occupied.set(
        facility,
        free.slice(0, Math.max(0, count - taken)).map((bed) => ({ facility, bed })),
      );
    }

    // Remand goes to the high-security prisons, mostly in the cities: spread the national
    // target over them by weight, capped so that every prison keeps convicted inmates too.
    const remandTarget = this.#n(TARGETS.remand) - 1; // the fixture is on remand too
    const highs = this.#org.prisons.filter((f) => f.spec.kind === 'prison_high');
    const weightOf = (f: FacilityInfo) => f.spec.remand ?? 0.15;
    const regularSlots = (f: FacilityInfo) => (occupied.get(f) ?? []).filter((s) => !s.bed.youth).length;
    let lo = 0;
    let hi = 10;
    for (let i = 0; i < 40; i++) {
      const k = (lo + hi) / 2;
      const sum = highs.reduce((s, f) => s + Math.round(regularSlots(f) * Math.min(0.8, weightOf(f) * k)), 0);
      if (sum < remandTarget) lo = k;
      else hi = k;
    }
    const remandPerFacility = new Map(
      highs.map((f) => [f, Math.round(regularSlots(f) * Math.min(0.8, weightOf(f) * hi))] as const),
    );

    const stories: { slot: Slot; kind: SentenceKind }[] = [];
    for (const facility of this.#allFacilities) {
      const slots = occupied.get(facility) ?? [];
      const youth = slots.filter((s) => s.bed.youth);
      const regular = slots.filter((s) => !s.bed.youth);
      for (const slot of youth) stories.push({ slot, kind: 'youth' });
      const remand = remandPerFacility.get(facility) ?? 0;
      const preventive = Math.round(regular.length * (facility.spec.preventive ?? 0));
      regular.forEach((slot, i) => {
        let kind: SentenceKind = 'prison';
        if (i < remand) kind = 'remand';
        else if (i < remand + preventive) kind = 'preventive_detention';
        else if (facility.spec.kind === 'prison_lower') kind = rng.chance(0.1) ? 'fine_substitute' : 'prison';
        else if (facility.spec.kind === 'prison_high') kind = rng.chance(0.02) ? 'fine_substitute' : 'prison';
        stories.push({ slot, kind });
      });
    }

    // A handful of admissions in the current week, so that "this week" has something to show.
    rng.shuffle(stories);
    let thisWeek = Math.max(4, this.#n(14));
    for (const { slot, kind } of stories) {
      let recent = false;
      if (
        thisWeek > 0 &&
        (kind === 'remand' || kind === 'prison') &&
        slot.facility.spec.kind !== 'halfway_house'
      ) {
        recent = true;
        thisWeek--;
      }
      const personId = rng.uuid();
      const sex: Sex = slot.bed.women ? 'female' : 'male';
      if (kind === 'remand') this.#remandStory(personId, slot.facility, slot.bed, recent);
      else if (kind === 'preventive_detention') this.#preventiveStory(personId, slot.facility, slot.bed);
      else this.#prisonStory(personId, sex, slot.facility, slot.bed, kind, recent);
      const profile: AgeProfile = kind === 'youth' ? [[16, 17, 1]] : AGES_INMATE;
      if (kind !== 'youth') this.#maybePrior(personId, sex, slot.facility.unitCode);
      this.#person(personId, sex, profile);
    }
  }

  #remandStory(personId: string, facility: FacilityInfo, bed: BedInfo, recent: boolean): void {
    const rng = this.#rng;
    const r = rng.next();
    const days = recent
      ? rng.int(0, daysBetween(this.#monday, this.#today))
      : r < 0.3
        ? rng.int(1, 14)
        : r < 0.7
          ? rng.int(15, 90)
          : r < 0.95
            ? rng.int(91, 300)
            : rng.int(301, 700);
    const from = addDays(this.#today, -days);
    const offence = this.#offence((o) => (o.grave ? 3 : 1) * o.weight);
    const judgmentId = this.#judgment(personId, from, facility.unitCode, offence.name);
    const sentenceId = this.#sentence({
      judgment_id: judgmentId,
      person_id: personId,
      kind: 'remand',
      status: 'admitted',
      responsible_facility_id: facility.id,
    });
    this.#event(sentenceId, 'admitted', from, facility.id, REASON.remand);
    this.#placement(personId, sentenceId, 'cell', facility, bed, from, null);
  }

  #preventiveStory(personId: string, facility: FacilityInfo, bed: BedInfo): void {
    const rng = this.#rng;
    const frameYears = rng.chance(0.85) ? rng.int(5, 15) : rng.int(16, 21);
    const frame = frameYears * 365;
    const minimum = Math.min(frame - 365, rng.int(2, frameYears > 15 ? 14 : 10) * 365);
    const served = rng.int(0, Math.round(frame * 0.8));
    const offence = this.#offence((o) => (o.grave ? o.weight * (o.median > 300 ? 4 : 1) : 0));
    const admittedOn = addDays(this.#today, -served);
    this.#convictedStory(personId, facility, bed, admittedOn, {
      kind: 'preventive_detention',
      minimum_term_days: minimum,
      frame_days: frame,
      offence: offence.name,
      fromRemand: rng.chance(0.6),
    });
  }

  #prisonStory(
    personId: string,
    sex: Sex,
    facility: FacilityInfo,
    bed: BedInfo,
    kind: SentenceKind,
    recent: boolean,
  ): void {
    const rng = this.#rng;
    const facilityKind = facility.spec.kind;
    let offence: Offence;
    let term: number | null = null;
    let substitute: number | null = null;
    let releaseAfter: number;
    if (kind === 'fine_substitute') {
      offence = this.#offence((o) => (FINE_OFFENCES.includes(o.name) ? o.weight : 0));
      substitute = rng.int(5, 60);
      releaseAfter = substitute;
    } else if (kind === 'youth') {
      offence = this.#offence((o) =>
        ['Ran', 'Vold mot person', 'Tyveri', 'Trusler'].includes(o.name) ? 1 : 0,
      );
      term = rng.int(60, 300);
      releaseAfter = Math.ceil((term * 2) / 3);
    } else {
      offence = this.#offence((o) => o.weight);
      const bounds =
        facilityKind === 'halfway_house'
          ? { min: 365, max: 3650 }
          : facilityKind === 'prison_lower'
            ? { min: 14, max: rng.chance(0.85) ? 730 : 2920 }
            : { min: 14, max: MAX_TERM_DAYS };
      term = this.#term(offence, bounds.min, bounds.max);
      releaseAfter = term < 74 ? term : Math.ceil((term * 2) / 3);
    }
    let served: number;
    if (recent) served = rng.int(0, daysBetween(this.#monday, this.#today));
    else if (facilityKind === 'halfway_house')
      served = releaseAfter - rng.int(1, Math.min(releaseAfter - 1, 300));
    else served = rng.int(0, Math.max(0, releaseAfter - 1));
    const admittedOn = addDays(this.#today, -served);

    // Lower security and halfway houses are often reached by transfer from a stricter place.
    let transfer: { from: FacilityInfo; on: string; reason: string } | null = null;
    const canTransfer = served >= 30 && !recent && kind === 'prison';
    if (
      canTransfer &&
      (facilityKind === 'halfway_house' ||
        (facilityKind === 'prison_lower' && (term ?? 0) >= 365 && rng.chance(0.4)))
    ) {
      const fromKind = facilityKind === 'halfway_house' && rng.chance(0.7) ? 'prison_lower' : 'prison_high';
      const from = this.#pickPrison(sex, facility.unitCode, fromKind);
      const daysSince = rng.int(0, Math.min(served - 1, facilityKind === 'halfway_house' ? 240 : 500));
      transfer = {
        from,
        on: addDays(this.#today, -daysSince),
        reason: facilityKind === 'halfway_house' ? REASON.toHalfway : REASON.toLower,
      };
    }
    const fromRemand =
      !transfer &&
      !recent &&
      facilityKind === 'prison_high' &&
      kind === 'prison' &&
      (term ?? 0) >= 120 &&
      rng.chance(0.3);
    this.#convictedStory(personId, facility, bed, admittedOn, {
      // Minors in a youth unit serve prison sentences; a youth sentence (ungdomsstraff) is served
      // in the community, not in a bed.
      kind: kind === 'youth' ? 'prison' : kind,
      term_days: term,
      substitute_days: substitute,
      offence: offence.name,
      fromRemand,
      transfer,
      sex,
    });
  }

  /**
   * A convicted person admitted on `admittedOn` and in `bed` today: either straight from remand
   * in the same bed, or summoned from the queue (and possibly transferred since).
   */
  #convictedStory(
    personId: string,
    facility: FacilityInfo,
    bed: BedInfo,
    admittedOn: string,
    s: {
      kind: SentenceKind;
      offence: string;
      fromRemand: boolean;
      term_days?: number | null;
      substitute_days?: number | null;
      minimum_term_days?: number | null;
      frame_days?: number | null;
      transfer?: { from: FacilityInfo; on: string; reason: string } | null;
      sex?: Sex;
    },
  ): void {
    const rng = this.#rng;
    const sentence = {
      kind: s.kind,
      term_days: s.term_days ?? null,
      substitute_days: s.substitute_days ?? null,
      minimum_term_days: s.minimum_term_days ?? null,
      frame_days: s.frame_days ?? null,
    };
    if (s.fromRemand) {
      const remandFrom = addDays(admittedOn, -rng.int(14, 300));
      const judgmentId = this.#judgment(personId, admittedOn, facility.unitCode, s.offence);
      const remandId = this.#sentence({
        judgment_id: judgmentId,
        person_id: personId,
        kind: 'remand',
        status: 'released',
        responsible_facility_id: facility.id,
      });
      this.#event(remandId, 'admitted', remandFrom, facility.id, REASON.remand);
      this.#event(remandId, 'released', admittedOn, facility.id, REASON.remandEnded);
      this.#placement(personId, remandId, 'cell', facility, bed, remandFrom, admittedOn);
      const sentenceId = this.#sentence({
        ...sentence,
        judgment_id: judgmentId,
        person_id: personId,
        status: 'admitted',
        responsible_facility_id: facility.id,
        order_date: admittedOn,
      });
      this.#event(sentenceId, 'admitted', admittedOn, facility.id, REASON.fromRemand);
      this.#placement(personId, sentenceId, 'cell', facility, bed, admittedOn, null);
      return;
    }
    const first = s.transfer?.from ?? facility;
    const summonsOn = addDays(admittedOn, -rng.int(21, 56));
    const orderDate = addDays(summonsOn, -rng.int(1, 90));
    const judgmentDate = addDays(orderDate, -rng.int(14, 90));
    const judgmentId = this.#judgment(personId, judgmentDate, facility.unitCode, s.offence);
    const sentenceId = this.#sentence({
      ...sentence,
      judgment_id: judgmentId,
      person_id: personId,
      status: 'admitted',
      responsible_facility_id: facility.id,
      order_date: orderDate,
      summons_sent_on: summonsOn,
      appearance_date: admittedOn,
      appearance_facility_id: first.id,
    });
    const sentenceRow = this.rows.sentences[this.rows.sentences.length - 1] as Insertable<SentenceTable>;
    const before = [
      this.#event(sentenceId, 'queued', orderDate, first.id, null),
      this.#event(sentenceId, 'summoned', summonsOn, first.id, null),
      this.#event(sentenceId, 'admitted', admittedOn, first.id, null),
    ];
    if (s.transfer) {
      const transferOn = s.transfer.on;
      // If the first prison turns out to have had no free bed then, the story moves to another.
      const retarget = (other: FacilityInfo) => {
        sentenceRow.appearance_facility_id = other.id;
        for (const row of before) row.facility_id = other.id;
      };
      this.#pastPlacement(personId, sentenceId, first, s.sex ?? 'male', admittedOn, transferOn, retarget);
      this.#event(sentenceId, 'transferred', s.transfer.on, facility.id, s.transfer.reason);
      this.#event(sentenceId, 'admitted', s.transfer.on, facility.id, null);
      this.#placement(personId, sentenceId, 'cell', facility, bed, s.transfer.on, null);
    } else {
      this.#placement(personId, sentenceId, 'cell', facility, bed, admittedOn, null);
    }
  }

  /** Electronic monitoring (front-end and back-end) and community sentences, by probation office. */
  #emAndCommunity(): void {
    const rng = this.#rng;
    const offices = this.#org.offices;
    for (let i = 0; i < this.#n(TARGETS.em) - 1; i++) {
      const office = rng.weighted(offices, (o) => o.spec.capacity);
      const personId = rng.uuid();
      const sex: Sex = rng.chance(0.1) ? 'female' : 'male';
      if (rng.chance(0.25)) this.#backEndEmStory(personId, sex, office);
      else this.#frontEndEmStory(personId, office);
      this.#maybePrior(personId, sex, office.unitCode);
      this.#person(personId, sex, AGES_INMATE);
    }
    for (let i = 0; i < this.#n(TARGETS.community) - 1; i++) {
      const office = rng.weighted(offices, (o) => o.spec.capacity);
      const personId = rng.uuid();
      const sex: Sex = rng.chance(0.15) ? 'female' : 'male';
      const orderDate = addDays(this.#today, -rng.int(10, 400));
      this.#communityStory(personId, office, orderDate, null);
      this.#maybePrior(personId, sex, office.unitCode);
      this.#person(personId, sex, AGES_QUEUE.slice(1));
    }
  }

  #frontEndEmStory(personId: string, office: FacilityInfo): void {
    const rng = this.#rng;
    const fine = rng.chance(0.1);
    const offence = fine
      ? this.#offence((o) => (FINE_OFFENCES.includes(o.name) ? o.weight : 0))
      : this.#offence((o) => (o.light ? o.weight : 0));
    const term = fine ? null : this.#term(offence, 14, 180);
    const substitute = fine ? rng.int(10, 60) : null;
    const length = term ?? substitute ?? 30;
    const start = addDays(this.#today, -rng.int(0, length - 1));
    const orderDate = addDays(start, -rng.int(20, 120));
    const judgmentId = this.#judgment(
      personId,
      addDays(orderDate, -rng.int(14, 90)),
      office.unitCode,
      offence.name,
    );
    const sentenceId = this.#sentence({
      judgment_id: judgmentId,
      person_id: personId,
      kind: fine ? 'fine_substitute' : 'prison',
      status: 'admitted',
      responsible_facility_id: office.id,
      term_days: term,
      substitute_days: substitute,
      order_date: orderDate,
    });
    this.#event(sentenceId, 'queued', orderDate, office.id, null);
    this.#event(sentenceId, 'admitted', start, office.id, REASON.em);
    this.#placement(personId, sentenceId, 'em', office, null, start, null);
  }

  /** Back-end EM: at most six months left and a third served (SGL § 16 a), after time in prison. */
  #backEndEmStory(personId: string, sex: Sex, office: FacilityInfo): void {
    const rng = this.#rng;
    const remainingAtStart = rng.int(30, 180);
    const offence = this.#offence((o) => o.weight);
    const term = Math.max(this.#term(offence, 240, 1460), 3 * remainingAtStart + 30);
    const releaseAfter = Math.ceil((term * 2) / 3);
    const emStart = addDays(this.#today, -rng.int(0, remainingAtStart - 1));
    const releaseOn = addDays(emStart, remainingAtStart);
    const admittedOn = addDays(releaseOn, -releaseAfter);
    const prisonKind = rng.chance(0.5) ? 'prison_lower' : 'prison_high';
    const prison = this.#prisonWithBed(sex, office.unitCode, prisonKind, admittedOn, emStart);
    const summonsOn = addDays(admittedOn, -rng.int(21, 56));
    const orderDate = addDays(summonsOn, -rng.int(1, 90));
    const judgmentId = this.#judgment(
      personId,
      addDays(orderDate, -rng.int(14, 90)),
      office.unitCode,
      offence.name,
    );
    const sentenceId = this.#sentence({
      judgment_id: judgmentId,
      person_id: personId,
      kind: 'prison',
      status: 'admitted',
      responsible_facility_id: office.id,
      term_days: term,
      order_date: orderDate,
      summons_sent_on: summonsOn,
      appearance_date: admittedOn,
      appearance_facility_id: prison.id,
    });
    this.#event(sentenceId, 'queued', orderDate, prison.id, null);
    this.#event(sentenceId, 'summoned', summonsOn, prison.id, null);
    this.#event(sentenceId, 'admitted', admittedOn, prison.id, null);
    this.#pastPlacement(personId, sentenceId, prison, sex, admittedOn, emStart);
    this.#event(sentenceId, 'transferred', emStart, office.id, REASON.toEm);
    this.#event(sentenceId, 'admitted', emStart, office.id, REASON.em);
    this.#placement(personId, sentenceId, 'em', office, null, emStart, null);
  }

  /** A community sentence; `endOn` set means it has been completed on that day. */
  #communityStory(personId: string, office: FacilityInfo, orderDate: string, endOn: string | null): void {
    const rng = this.#rng;
    const hours = Math.min(
      420,
      Math.max(30, Math.round(Math.exp(Math.log(80) + 0.6 * rng.normal()) / 10) * 10),
    );
    const substitute = Math.min(365, Math.max(14, Math.round(hours * (0.8 + rng.next() * 0.8))));
    const offence = this.#offence((o) =>
      o.light || o.name === 'Vold mot person' || o.name === 'Narkotikalovbrudd' ? o.weight : 0,
    );
    let start = addDays(orderDate, rng.int(7, 30));
    if (start > this.#today) start = this.#today;
    if (endOn !== null && start >= endOn) start = addDays(endOn, -rng.int(60, 200));
    const order = start < orderDate ? addDays(start, -rng.int(7, 30)) : orderDate;
    const judgmentId = this.#judgment(
      personId,
      addDays(order, -rng.int(14, 90)),
      office.unitCode,
      offence.name,
    );
    const sentenceId = this.#sentence({
      judgment_id: judgmentId,
      person_id: personId,
      kind: 'community',
      status: endOn === null ? 'admitted' : 'released',
      responsible_facility_id: office.id,
      hours,
      substitute_days: substitute,
      order_date: order,
    });
    this.#event(sentenceId, 'queued', order, office.id, null);
    this.#event(sentenceId, 'admitted', start, office.id, null);
    if (endOn !== null) this.#event(sentenceId, 'released', endOn, office.id, REASON.community);
  }

  /** The sentence queue: queued, summoned (appearance still ahead) or postponed. */
  #queue(): void {
    const rng = this.#rng;
    const total = this.#n(TARGETS.queue) - 4; // four fixtures wait in the queue
    for (let i = 0; i < total; i++) {
      const personId = rng.uuid();
      const sex: Sex = rng.chance(0.09) ? 'female' : 'male';
      const unit = this.#unit();
      const age = sampleAge(rng, AGES_QUEUE);
      const minor = age < 18;
      const r = rng.next();
      const waited = minor
        ? rng.int(0, 50)
        : r < 0.7
          ? rng.int(0, 120)
          : r < 0.95
            ? rng.int(121, 365)
            : rng.int(366, 548);
      const orderDate = addDays(this.#today, -waited);
      const fine = !minor && rng.chance(0.12);
      const offence = fine
        ? this.#offence((o) => (FINE_OFFENCES.includes(o.name) ? o.weight : 0))
        : this.#offence((o) => (o.name === 'Drap' ? 0 : o.weight));
      const term = fine ? null : this.#term(offence, 14, rng.chance(0.95) ? 730 : 2920);
      const substitute = fine ? rng.int(5, 60) : null;
      const lowerOk = (term ?? 0) <= 730;
      const facility = this.#pickPrison(
        sex,
        unit,
        lowerOk && rng.chance(0.5) ? 'prison_lower' : 'prison_high',
      );
      const judgmentId = this.#judgment(personId, addDays(orderDate, -rng.int(14, 90)), unit, offence.name);
      const s = rng.next();
      const status: SentenceStatus = s < 0.25 ? 'summoned' : s < 0.3 && !minor ? 'postponed' : 'queued';
      const fields: SentenceFields = {
        judgment_id: judgmentId,
        person_id: personId,
        kind: fine ? 'fine_substitute' : 'prison',
        status,
        responsible_facility_id: facility.id,
        term_days: term,
        substitute_days: substitute,
        order_date: orderDate,
      };
      let summonsOn: string | null = null;
      let postponedOn: string | null = null;
      if (status === 'summoned') {
        const back = rng.int(0, Math.min(45, waited));
        summonsOn = addDays(this.#today, -back);
        fields.summons_sent_on = summonsOn;
        fields.appearance_date = addDays(summonsOn, rng.int(Math.max(21, back + 1), back + 60));
        fields.appearance_facility_id = facility.id;
      } else if (status === 'postponed') {
        const reason = rng.weighted(sex === 'female' ? REASONS_FEMALE : REASONS_MALE, (x) => x[1])[0];
        postponedOn = addDays(this.#today, -rng.int(0, waited));
        fields.postponed_until = addDays(this.#today, rng.int(14, 240));
        fields.postponement_reason = reason;
        fields.postponement_note = rng.pick(POSTPONEMENT_NOTES[reason]);
      }
      const sentenceId = this.#sentence(fields);
      this.#event(sentenceId, 'queued', orderDate, facility.id, null);
      if (summonsOn) this.#event(sentenceId, 'summoned', summonsOn, facility.id, null);
      if (postponedOn)
        this.#event(sentenceId, 'postponed', postponedOn, facility.id, fields.postponement_note ?? null);
      if (!minor) this.#maybePrior(personId, sex, unit);
      this.#person(personId, sex, [[age, age, 1]]);
    }
  }

  /** People released in the last year, some of them this week. */
  #released(): void {
    const rng = this.#rng;
    const total = this.#n(TARGETS.released) - 1;
    let thisWeek = Math.max(4, this.#n(20));
    for (let i = 0; i < total; i++) {
      const personId = rng.uuid();
      const sex: Sex = rng.chance(0.07) ? 'female' : 'male';
      const releaseOn =
        thisWeek-- > 0
          ? addDays(this.#monday, rng.int(0, daysBetween(this.#monday, this.#today)))
          : addDays(this.#today, -rng.int(1, 365));
      const unit = this.#unit();
      const r = rng.next();
      if (r < 0.1) {
        const office = rng.weighted(
          this.#org.offices.filter((o) => o.unitCode === unit),
          (o) => o.spec.capacity,
        );
        this.#communityStory(personId, office, addDays(releaseOn, -rng.int(90, 400)), releaseOn);
      } else if (r < 0.25) {
        const days = rng.int(2, 200);
        const from = addDays(releaseOn, -days);
        const facility = this.#prisonWithBed(sex, unit, 'prison_high', from, releaseOn);
        const offence = this.#offence((o) => o.weight);
        const judgmentId = this.#judgment(personId, from, unit, offence.name);
        const sentenceId = this.#sentence({
          judgment_id: judgmentId,
          person_id: personId,
          kind: 'remand',
          status: 'released',
          responsible_facility_id: facility.id,
        });
        this.#event(sentenceId, 'admitted', from, facility.id, REASON.remand);
        this.#event(sentenceId, 'released', releaseOn, facility.id, REASON.remandReleased);
        this.#pastPlacement(personId, sentenceId, facility, sex, from, releaseOn);
      } else {
        this.#servedStory(personId, sex, unit, releaseOn, rng.chance(0.07) ? 'fine_substitute' : 'prison');
      }
      this.#maybePrior(personId, sex, unit);
      this.#person(personId, sex, AGES_INMATE);
    }
  }

  /** A sentence served in prison and ended by release on `releaseOn`. */
  #servedStory(
    personId: string,
    sex: Sex,
    unit: string,
    releaseOn: string,
    kind: 'prison' | 'fine_substitute',
    maxTerm = MAX_TERM_DAYS,
  ): void {
    const rng = this.#rng;
    const fine = kind === 'fine_substitute';
    const offence = fine
      ? this.#offence((o) => (FINE_OFFENCES.includes(o.name) ? o.weight : 0))
      : this.#offence((o) => o.weight);
    const term = fine ? null : this.#term(offence, 14, maxTerm);
    const substitute = fine ? rng.int(5, 60) : null;
    const releaseAfter = term === null ? (substitute ?? 30) : term < 74 ? term : Math.ceil((term * 2) / 3);
    const admittedOn = addDays(releaseOn, -releaseAfter);
    const shortTerm = (term ?? 0) <= 730;
    const facilityKind = shortTerm && rng.chance(0.5) ? 'prison_lower' : 'prison_high';
    const facility = this.#prisonWithBed(sex, unit, facilityKind, admittedOn, releaseOn);
    const summonsOn = addDays(admittedOn, -rng.int(21, 56));
    const orderDate = addDays(summonsOn, -rng.int(1, 90));
    const judgmentId = this.#judgment(personId, addDays(orderDate, -rng.int(14, 90)), unit, offence.name);
    const sentenceId = this.#sentence({
      judgment_id: judgmentId,
      person_id: personId,
      kind,
      status: 'released',
      responsible_facility_id: facility.id,
      term_days: term,
      substitute_days: substitute,
      order_date: orderDate,
      summons_sent_on: summonsOn,
      appearance_date: admittedOn,
      appearance_facility_id: facility.id,
    });
    const sentenceRow = this.rows.sentences[this.rows.sentences.length - 1] as Insertable<SentenceTable>;
    const events = [
      this.#event(sentenceId, 'queued', orderDate, facility.id, null),
      this.#event(sentenceId, 'summoned', summonsOn, facility.id, null),
      this.#event(sentenceId, 'admitted', admittedOn, facility.id, null),
      this.#event(
        sentenceId,
        'released',
        releaseOn,
        facility.id,
        releaseAfter < (term ?? 0) ? REASON.parole : REASON.served,
      ),
    ];
    // Placed late (while today's stays are still being made), the prison may have been full then.
    const retarget = (other: FacilityInfo) => {
      sentenceRow.responsible_facility_id = other.id;
      sentenceRow.appearance_facility_id = other.id;
      for (const row of events) row.facility_id = other.id;
    };
    this.#pastPlacement(personId, sentenceId, facility, sex, admittedOn, releaseOn, retarget);
  }

  /** Some people have served an earlier sentence, ended well before the current story began. */
  #maybePrior(personId: string, sex: Sex, unit: string): void {
    const rng = this.#rng;
    if (!rng.chance(PRIOR_CONVICTION_SHARE)) return;
    const earliest = this.#earliest.get(personId) ?? this.#today;
    const releaseOn = addDays(earliest, -rng.int(60, 2500));
    this.#servedStory(personId, sex, rng.chance(0.7) ? unit : this.#unit(), releaseOn, 'prison', 1460);
  }

  // ---------------------------------------------------------------- the fixtures

  #fixtures(): void {
    const today = this.#today;
    const oslo = this.#facility(DEMO_FACILITIES.osloPrison);
    const bergen = this.#facility(DEMO_FACILITIES.bergenPrison);
    const bastoy = this.#facility(DEMO_FACILITIES.bastoy);
    const bredtveit = this.#facility(DEMO_FACILITIES.bredtveit);
    const osloOffice = this.#facility(DEMO_FACILITIES.osloProbation);
    const bedOf = (facility: FacilityInfo, cellNumber: string) => {
      const bed = facility.beds.find((b) => b.cellNumber === cellNumber && b.label === 'A');
      if (!bed) throw new Error(`no bed ${cellNumber}A in ${facility.code}`);
      return bed;
    };

    // Ola Nordmann: queued, not summoned, waited 75 days.
    {
      const p = DEMO_PEOPLE.queuedAdult;
      const order = addDays(today, -75);
      this.#fixtureJudgment(p, addDays(order, -30), 'OTIR', 'Tyveri');
      this.#sentence(
        {
          judgment_id: p.judgmentId,
          person_id: p.personId,
          kind: 'prison',
          status: 'queued',
          responsible_facility_id: oslo.id,
          term_days: 120,
          order_date: order,
        },
        p.sentenceId,
      );
      this.#event(p.sentenceId, 'queued', order, oslo.id, null);
    }
    // Kari Sørensen-Dahl: queued, under 23.
    {
      const p = DEMO_PEOPLE.queuedYoung;
      const order = addDays(today, -20);
      this.#fixtureJudgment(p, addDays(order, -25), 'OTIR', 'Narkotikalovbrudd');
      this.#sentence(
        {
          judgment_id: p.judgmentId,
          person_id: p.personId,
          kind: 'prison',
          status: 'queued',
          responsible_facility_id: bredtveit.id,
          term_days: 60,
          order_date: order,
        },
        p.sentenceId,
      );
      this.#event(p.sentenceId, 'queued', order, bredtveit.id, null);
    }
    // Åsmund Ødegård: in Oslo fengsel, Avdeling A, cell 101, bed A.
    {
      const p = DEMO_PEOPLE.admitted;
      const admitted = addDays(today, -200);
      const summons = addDays(admitted, -30);
      const order = addDays(summons, -40);
      this.#fixtureJudgment(p, addDays(order, -45), 'OTIR', 'Narkotikalovbrudd');
      this.#sentence(
        {
          judgment_id: p.judgmentId,
          person_id: p.personId,
          kind: 'prison',
          status: 'admitted',
          responsible_facility_id: oslo.id,
          term_days: 730,
          order_date: order,
          summons_sent_on: summons,
          appearance_date: admitted,
          appearance_facility_id: oslo.id,
        },
        p.sentenceId,
      );
      this.#event(p.sentenceId, 'queued', order, oslo.id, null);
      this.#event(p.sentenceId, 'summoned', summons, oslo.id, null);
      this.#event(p.sentenceId, 'admitted', admitted, oslo.id, null);
      this.#placement(p.personId, p.sentenceId, 'cell', oslo, bedOf(oslo, '101'), admitted, null);
    }
    // Jonas Løvås: on remand in Oslo fengsel, Avdeling A, cell 102, bed A.
    {
      const p = DEMO_PEOPLE.remand;
      const from = addDays(today, -12);
      this.#fixtureJudgment(p, from, 'OTIR', 'Ran');
      this.#sentence(
        {
          judgment_id: p.judgmentId,
          person_id: p.personId,
          kind: 'remand',
          status: 'admitted',
          responsible_facility_id: oslo.id,
        },
        p.sentenceId,
      );
      this.#event(p.sentenceId, 'admitted', from, oslo.id, REASON.remand);
      this.#placement(p.personId, p.sentenceId, 'cell', oslo, bedOf(oslo, '102'), from, null);
    }
    // Nils Åsheim: summoned to Bastøy.
    {
      const p = DEMO_PEOPLE.summoned;
      const order = addDays(today, -40);
      const summons = addDays(today, -7);
      this.#fixtureJudgment(p, addDays(order, -30), 'VETI', 'Promillekjøring');
      this.#sentence(
        {
          judgment_id: p.judgmentId,
          person_id: p.personId,
          kind: 'prison',
          status: 'summoned',
          responsible_facility_id: bastoy.id,
          term_days: 45,
          order_date: order,
          summons_sent_on: summons,
          appearance_date: addDays(today, 28),
          appearance_facility_id: bastoy.id,
        },
        p.sentenceId,
      );
      this.#event(p.sentenceId, 'queued', order, bastoy.id, null);
      this.#event(p.sentenceId, 'summoned', summons, bastoy.id, null);
    }
    // Ingrid Ødegaard: postponed for pregnancy.
    {
      const p = DEMO_PEOPLE.postponed;
      const order = addDays(today, -50);
      const note = POSTPONEMENT_NOTES.pregnancy[0] as string;
      this.#fixtureJudgment(p, addDays(order, -30), 'BTIR', 'Bedrageri');
      this.#sentence(
        {
          judgment_id: p.judgmentId,
          person_id: p.personId,
          kind: 'prison',
          status: 'postponed',
          responsible_facility_id: bergen.id,
          term_days: 90,
          order_date: order,
          postponed_until: addDays(today, 180),
          postponement_reason: 'pregnancy',
          postponement_note: note,
        },
        p.sentenceId,
      );
      this.#event(p.sentenceId, 'queued', order, bergen.id, null);
      this.#event(p.sentenceId, 'postponed', addDays(today, -10), bergen.id, note);
    }
    // Sølvi Kjærstad: on EM from Oslo friomsorgskontor.
    {
      const p = DEMO_PEOPLE.em;
      const start = addDays(today, -30);
      const order = addDays(start, -50);
      this.#fixtureJudgment(p, addDays(order, -30), 'OTIR', 'Promillekjøring');
      this.#sentence(
        {
          judgment_id: p.judgmentId,
          person_id: p.personId,
          kind: 'prison',
          status: 'admitted',
          responsible_facility_id: osloOffice.id,
          term_days: 90,
          order_date: order,
        },
        p.sentenceId,
      );
      this.#event(p.sentenceId, 'queued', order, osloOffice.id, null);
      this.#event(p.sentenceId, 'admitted', start, osloOffice.id, REASON.em);
      this.#placement(p.personId, p.sentenceId, 'em', osloOffice, null, start, null);
    }
    // Åse Bjørnstad: community sentence of 120 hours.
    {
      const p = DEMO_PEOPLE.community;
      const order = addDays(today, -90);
      this.#fixtureJudgment(p, addDays(order, -30), 'OTIR', 'Tyveri');
      this.#sentence(
        {
          judgment_id: p.judgmentId,
          person_id: p.personId,
          kind: 'community',
          status: 'admitted',
          responsible_facility_id: osloOffice.id,
          hours: 120,
          substitute_days: 120,
          order_date: order,
        },
        p.sentenceId,
      );
      this.#event(p.sentenceId, 'queued', order, osloOffice.id, null);
      this.#event(p.sentenceId, 'admitted', addDays(order, 20), osloOffice.id, null);
    }
    // René Hansen-Dahl: released on parole this Monday from Bergen fengsel.
    {
      const p = DEMO_PEOPLE.released;
      const released = this.#monday;
      const admitted = addDays(released, -200);
      const summons = addDays(admitted, -28);
      const order = addDays(summons, -30);
      this.#fixtureJudgment(p, addDays(order, -40), 'BTIR', 'Vold mot person');
      this.#sentence(
        {
          judgment_id: p.judgmentId,
          person_id: p.personId,
          kind: 'prison',
          status: 'released',
          responsible_facility_id: bergen.id,
          term_days: 300,
          order_date: order,
          summons_sent_on: summons,
          appearance_date: admitted,
          appearance_facility_id: bergen.id,
        },
        p.sentenceId,
      );
      this.#event(p.sentenceId, 'queued', order, bergen.id, null);
      this.#event(p.sentenceId, 'summoned', summons, bergen.id, null);
      this.#event(p.sentenceId, 'admitted', admitted, bergen.id, null);
      this.#event(p.sentenceId, 'released', released, bergen.id, REASON.parole);
      this.#pastPlacement(p.personId, p.sentenceId, bergen, 'male', admitted, released);
    }

    for (const [i, p] of Object.values(DEMO_PEOPLE).entries()) {
      this.#person(p.personId, p.gender, [[p.age, p.age, 1]], {
        given: p.givenName,
        family: p.familyName,
        dayOffset: 100 + i * 7,
      });
    }
  }

  #fixtureJudgment(p: DemoPerson, date: string, courtCode: string, offence: string): void {
    const court = COURTS.find((c) => c.code === courtCode) as Court;
    const caseNumber = `${date.slice(2, 4)}-${p.caseSerial}MED-${court.code}/01`;
    this.#caseNumbers.add(caseNumber);
    this.rows.judgments.push({
      id: p.judgmentId,
      person_id: p.personId,
      case_number: caseNumber,
      court: court.name,
      judgment_date: date,
      offence,
      offence_groups: offenceGroupsOf(offence),
    });
    this.#noteDate(p.personId, date);
  }

  // ---------------------------------------------------------------- rows

  #person(
    personId: string,
    sex: Sex,
    profile: AgeProfile,
    fixed?: { given: string; family: string; dayOffset: number },
  ): void {
    const rng = this.#rng;
    const earliest = this.#earliest.get(personId) ?? this.#today;
    this.#earliest.delete(personId);
    const age = sampleAge(rng, profile);
    let birthDate = addDays(minusYears(this.#today, age), -(fixed ? fixed.dayOffset : rng.int(0, 364)));
    // Nobody is convicted before the age of 15: whoever would have been younger is made older.
    const latestBirth = minusYears(earliest, 15);
    if (!fixed && birthDate > latestBirth) birthDate = addDays(latestBirth, -rng.int(0, 120));
    const given = fixed?.given ?? rng.pick(sex === 'female' ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES);
    const family = fixed?.family ?? rng.pick(FAMILY_NAMES);
    this.rows.persons.push({
      id: personId,
      national_id: this.#nationalId(birthDate, sex),
      national_id_kind: 'synthetic',
      given_name: given,
      family_name: family,
      search_name: normaliseName(`${given} ${family}`),
      birth_date: birthDate,
      gender: sex,
      created_at: `${earliest}T09:00:00Z`,
    });
  }

  /** A synthetic identity number (month + 80) whose individual number gives the right gender. */
  #nationalId(birthDate: string, sex: Sex): string {
    const rng = this.#rng;
    const [lo, hi] = Number(birthDate.slice(0, 4)) >= 2000 ? [500, 999] : [0, 499];
    const withGender = (n: number) => (sex === 'male' ? (n % 2 === 0 ? n + 1 : n) : n % 2 === 1 ? n - 1 : n);
    for (let attempt = 0; attempt < 60; attempt++) {
      const id = makeNationalId(birthDate, withGender(rng.int(lo, hi)), 'synthetic');
      if (id !== null && !this.#nationalIds.has(id)) {
        this.#nationalIds.add(id);
        return id;
      }
    }
    for (let n = lo; n <= hi; n++) {
      const id = makeNationalId(birthDate, withGender(n), 'synthetic');
      if (id !== null && !this.#nationalIds.has(id)) {
        this.#nationalIds.add(id);
        return id;
      }
    }
    throw new Error(`no free identity number for ${birthDate}`);
  }

  #judgment(personId: string, date: string, unit: string, offence: string): string {
    const rng = this.#rng;
    const local = COURTS.filter((c) => c.unit === unit);
    const court =
      rng.chance(0.85) && local.length > 0
        ? rng.weighted(local, (c) => c.weight)
        : rng.weighted(COURTS, (c) => c.weight);
    let caseNumber: string;
    do {
      const serial = String(rng.int(10000, 999999)).padStart(6, '0');
      const department = String(rng.int(1, 12)).padStart(2, '0');
      caseNumber = `${date.slice(2, 4)}-${serial}MED-${court.code}/${department}`;
    } while (this.#caseNumbers.has(caseNumber) || /-1000\d\dMED/.test(caseNumber));
    this.#caseNumbers.add(caseNumber);
    const id = rng.uuid();
    this.rows.judgments.push({
      id,
      person_id: personId,
      case_number: caseNumber,
      court: court.name,
      judgment_date: date,
      offence,
      offence_groups: offenceGroupsOf(offence),
    });
    this.#noteDate(personId, date);
    return id;
  }

  #noteDate(personId: string, date: string): void {
    const known = this.#earliest.get(personId);
    if (known === undefined || date < known) this.#earliest.set(personId, date);
  }

  #sentence(fields: SentenceFields, id = this.#rng.uuid()): string {
    this.rows.sentences.push({
      id,
      judgment_id: fields.judgment_id,
      person_id: fields.person_id,
      kind: fields.kind,
      term_days: fields.term_days ?? null,
      minimum_term_days: fields.minimum_term_days ?? null,
      frame_days: fields.frame_days ?? null,
      hours: fields.hours ?? null,
      substitute_days: fields.substitute_days ?? null,
      order_date: fields.order_date ?? null,
      responsible_facility_id: fields.responsible_facility_id,
      status: fields.status,
      summons_sent_on: fields.summons_sent_on ?? null,
      appearance_date: fields.appearance_date ?? null,
      appearance_facility_id: fields.appearance_facility_id ?? null,
      postponed_until: fields.postponed_until ?? null,
      postponement_reason: fields.postponement_reason ?? null,
      postponement_note: fields.postponement_note ?? null,
    });
    return id;
  }

  /** Events are pushed in the order they happened: their generated ids keep that order. */
  #event(
    sentenceId: string,
    status: SentenceStatus,
    onDate: string,
    facilityId: string | null,
    reason: string | null,
  ): Insertable<SentenceEventTable> {
    const row: Insertable<SentenceEventTable> = {
      sentence_id: sentenceId,
      status,
      on_date: onDate,
      reason,
      facility_id: facilityId,
      user_id: null,
      created_at: `${onDate}T10:00:00Z`,
    };
    this.rows.events.push(row);
    return row;
  }

  #placement(
    personId: string,
    sentenceId: string,
    kind: 'cell' | 'em',
    facility: FacilityInfo,
    bed: BedInfo | null,
    from: string,
    to: string | null,
  ): void {
    this.rows.placements.push({
      id: this.#rng.uuid(),
      person_id: personId,
      sentence_id: sentenceId,
      kind,
      facility_id: facility.id,
      bed_id: bed?.id ?? null,
      from_date: from,
      to_date: to,
    });
    if (bed) {
      const busy = this.#bedBusy.get(bed.id) ?? [];
      busy.push([from, to ?? '9999-12-31']);
      this.#bedBusy.set(bed.id, busy);
    }
  }

  /** An ended stay in a cell: in a bed that was free then, once the current stays are known. */
  #pastPlacement(
    personId: string,
    sentenceId: string,
    facility: FacilityInfo,
    sex: Sex,
    from: string,
    to: string,
    retarget?: (other: FacilityInfo) => void,
  ): void {
    const place = () => {
      let where = facility;
      let bed = this.#freeBed(where, sex, from, to);
      const kind = facility.spec.kind;
      if (!bed && retarget && (kind === 'prison_high' || kind === 'prison_lower')) {
        where = this.#prisonWithBed(sex, facility.unitCode, kind, from, to);
        retarget(where);
        bed = this.#freeBed(where, sex, from, to);
      }
      this.#placement(
        personId,
        sentenceId,
        'cell',
        where,
        bed ?? this.#findBed(where, sex, from, to),
        from,
        to,
      );
    };
    if (this.#deferred) this.#deferred.push(place);
    else place();
  }

  // ---------------------------------------------------------------- choices

  /** A bed of the facility that nobody else had between `from` and `to`, or null if all were taken. */
  #freeBed(facility: FacilityInfo, sex: Sex, from: string, to: string): BedInfo | null {
    const rng = this.#rng;
    const own = (sex === 'female' ? this.#womenBeds : this.#menBeds).get(facility.id) ?? [];
    const beds = own.length > 0 ? own : facility.beds;
    const free = (bed: BedInfo) => (this.#bedBusy.get(bed.id) ?? []).every(([f, t]) => !(f < to && from < t));
    for (let attempt = 0; attempt < 30; attempt++) {
      const bed = rng.pick(beds);
      if (free(bed)) return bed;
    }
    const start = rng.int(0, beds.length - 1);
    for (let i = 0; i < beds.length; i++) {
      const bed = beds[(start + i) % beds.length] as BedInfo;
      if (free(bed)) return bed;
    }
    return null;
  }

  /** Like #freeBed, but never empty-handed: a full facility gives the bed least in use then. */
  #findBed(facility: FacilityInfo, sex: Sex, from: string, to: string): BedInfo {
    const bed = this.#freeBed(facility, sex, from, to);
    if (bed) return bed;
    const own = (sex === 'female' ? this.#womenBeds : this.#menBeds).get(facility.id) ?? [];
    const beds = own.length > 0 ? own : facility.beds;
    const clash = (b: BedInfo) =>
      (this.#bedBusy.get(b.id) ?? []).filter(([f, t]) => f < to && from < t).length;
    return beds.reduce((best, b) => (clash(b) < clash(best) ? b : best), beds[0] as BedInfo);
  }

  /** A prison of the kind asked for with a bed free from `from` to `to`: tries a few, then takes one. */
  #prisonWithBed(
    sex: Sex,
    unit: string,
    kind: 'prison_high' | 'prison_lower',
    from: string,
    to: string,
  ): FacilityInfo {
    let facility = this.#pickPrison(sex, unit, kind);
    for (let attempt = 0; attempt < 8; attempt++) {
      if (this.#freeBed(facility, sex, from, to)) return facility;
      facility = this.#pickPrison(sex, attempt < 4 ? unit : this.#unit(), kind);
    }
    // Busy times: any prison that takes people of this sex and had a bed free.
    const all = this.#org.prisons;
    const start = this.#rng.int(0, all.length - 1);
    for (let i = 0; i < all.length; i++) {
      const other = all[(start + i) % all.length] as FacilityInfo;
      if (this.#freeBed(other, sex, from, to)) return other;
    }
    return facility;
  }

  /** A prison of the kind asked for, in the unit if it has one, that takes people of this sex. */
  #pickPrison(sex: Sex, unit: string, kind: 'prison_high' | 'prison_lower'): FacilityInfo {
    const rng = this.#rng;
    const fits = (f: FacilityInfo) =>
      ((sex === 'female' ? this.#womenBeds : this.#menBeds).get(f.id) ?? []).length > 0;
    const all = this.#org.prisons.filter(fits);
    const byKind = all.filter((f) => f.spec.kind === kind);
    const local = byKind.filter((f) => f.unitCode === unit);
    const pool = local.length > 0 ? local : byKind.length > 0 ? byKind : all;
    return rng.weighted(pool, (f) => f.beds.length);
  }

  #facility(code: string): FacilityInfo {
    const facility = this.#org.byCode.get(code);
    if (!facility) throw new Error(`no facility ${code}`);
    return facility;
  }

  #unit(): string {
    return this.#rng.weighted(Object.keys(UNIT_POPULATION), (u) => UNIT_POPULATION[u] ?? 0);
  }

  #offence(weightOf: (o: Offence) => number): Offence {
    return this.#rng.weighted(OFFENCES, weightOf);
  }

  /** A term in days, log-normal around the offence's median, rounded the way courts state terms. */
  #term(offence: Offence, min: number, max: number): number {
    const rng = this.#rng;
    let days = offence.median;
    for (let attempt = 0; attempt < 12; attempt++) {
      days = Math.exp(Math.log(offence.median) + offence.sigma * rng.normal());
      if (days >= min && days <= max) break;
    }
    days = Math.min(max, Math.max(min, days));
    return Math.min(MAX_TERM_DAYS, Math.max(14, roundTerm(days)));
  }
}

/** Terms are given in days up to 120 days, then in months, and in years and months. */
function roundTerm(days: number): number {
  if (days <= 120) return Math.round(days);
  if (days < 365) return Math.round(days / 30) * 30;
  const years = Math.floor(days / 365);
  const months = Math.round((days - years * 365) / 30);
  return years * 365 + months * 30;
}

function sampleAge(rng: Random, profile: AgeProfile): number {
  const [from, to] = rng.weighted(profile, (b) => b[2]);
  return rng.int(from, to);
}

/** The same calendar day `years` earlier (29 February becomes 28 February). */
function minusYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) - years;
  let rest = date.slice(4);
  if (rest === '-02-29' && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) rest = '-02-28';
  return `${String(year).padStart(4, '0')}${rest}`;
}
