import type { FacilityKind, ReactionKind, SentenceKind } from '../../db/types.ts';
import { isEmptyLength, type Length, lengthInDays } from '../../domain/durations.ts';
import { parseNationalId } from '../../domain/identity-number.ts';
import { normaliseName } from '../../domain/names.ts';
import type { Issue } from './receipts.ts';

// Reading an execution order (fullbyrdelsesordre) that has passed its contract's schema: the
// business checks the schema cannot make, and the plan of what Varde writes. Pure: no I/O, and
// today's date is an argument.

// ─── The parts of the contract read here (contracts/dom/fullbyrdelsesordre/1.2) ───

export interface Lengde {
  antallAar?: number;
  antallMaaneder?: number;
  antallDager?: number;
  antallTimer?: number;
}
interface Varighet {
  lengde?: Lengde;
  ubestemtTid?: boolean;
}
interface Lovbud {
  lovbudId?: string;
  lovbudStreng: string;
  gjengivelse?: string;
  strafferamme?: number;
}
interface Kodeverk {
  kode: string;
  navn?: string;
}
interface Personnavn {
  fornavn: string;
  mellomnavn?: string;
  etternavn: string;
}
type IdType = 'FOEDSELSNUMMER' | 'DNUMMER' | 'SSPNUMMER';
interface PersonIdentifikator {
  idType: IdType;
  verdi: string;
}
type Gradering = 'KLIENT_ADRESSE' | 'FORTROLIG' | 'STRENGT_FORTROLIG';
interface PersonAdresse {
  gradering?: Gradering;
  adresse: { adresselinjer: string[]; postnummer?: string; poststed?: string; land: Kodeverk };
}
interface RelatertPersonEnkel {
  personForetakRef: string;
  navn: Personnavn;
  foedselsdato?: string;
  kjoenn?: 'KVINNE' | 'MANN';
  identitetsnummer?: PersonIdentifikator;
}
interface RelatertPerson {
  person: RelatertPersonEnkel;
  adresseGradering?: Gradering;
  personAdresse?: PersonAdresse;
  verger: RelatertPersonEnkel[];
}
interface Rettighetstap {
  hjemmel: Lovbud;
  varighet?: Varighet;
  tekst?: string;
  varighetElektroniskKontroll?: Varighet;
  tekstElektroniskKontroll?: string;
  gjelderEgetHjem?: boolean;
  sperrefrist?: Varighet;
}
export interface Reaksjoner {
  fengsel?: { straff: Lengde; betinget?: Lengde; proevetid?: Lengde; fradrag?: Lengde };
  bot?: { beloep: number; proevetid?: Lengde; subsidaerFengselsstraff?: Lengde };
  samfunnsstraff?: {
    straff: Lengde;
    gjennomfoeringstid?: Lengde;
    subsidaerFengselsstraff?: Lengde;
    fradrag?: Lengde;
    vilkaar?: string;
  };
  ungdomsstraff?: { straff: Lengde; subsidaerFengselsstraff?: Lengde; fradrag?: Lengde };
  rettighetstap?: Rettighetstap[];
  rettighetstapForbudKontakt?: Rettighetstap[];
  rettighetstapMotorvogn?: Rettighetstap[];
  rettighetstapTransport?: Rettighetstap[];
  inndragning?: { hjemmel: string; beloep?: number; beskrivelse?: string }[];
  annet?: { tekst: string };
}
interface StraffbartForhold {
  basissakId?: string;
  lovbudKombinert: { lovbud: Lovbud[] };
  straffesak: { straffesaksnummer: string; statistikkgruppe: Kodeverk; krimtype?: Kodeverk };
  fornaermede: RelatertPerson[];
}
export interface Fullbyrdelsesordre {
  forsendelse: {
    meldingsId: string;
    sendtTid: string;
    avsender: { organisasjon: { navn: string; organisasjonsnummer: string } };
  };
  under18: boolean;
  fullbyrdelsesordre: {
    domfelte: {
      person: {
        personForetakRef: string;
        navn: Personnavn;
        foedselsdato: string;
        kjoenn?: 'KVINNE' | 'MANN';
        identitetsnummer: PersonIdentifikator;
        tilleggsId: PersonIdentifikator[];
      };
      adresseGradering?: Gradering;
      personAdresse?: PersonAdresse;
    };
    avgjoerelse: {
      domstol: { navn: string; organisasjonsnummer: string };
      saksnummer: string;
      avsagtDato: string;
      reaksjoner: Reaksjoner;
      straffbareForhold: StraffbartForhold[];
    };
    foregrepetSoning: boolean;
    rettskraftigFraOgMed?: string;
  };
  beskrivelse: string;
  hovedStraffesaksnummer: string;
}

// ─── The plan ───

/** Which kind of facility is responsible for a sentence of each kind. */
export type FacilityGroup = 'prison' | 'probation';

export interface SentencePlan {
  kind: SentenceKind;
  termDays: number | null;
  hours: number | null;
  substituteDays: number | null;
  group: FacilityGroup;
}

export interface ReactionPlan {
  kind: ReactionKind;
  /** The reaction's field in the message. */
  path: string;
  sentence: SentencePlan | null;
  termDays: number | null;
  conditionalDays: number | null;
  probationDays: number | null;
  deductionDays: number | null;
  substituteDays: number | null;
  hours: number | null;
  amountNok: number | null;
  electronicControl: boolean;
  electronicControlDays: number | null;
  indefinite: boolean;
  legalBasis: string | null;
  description: string | null;
  details: unknown;
}

export interface VictimPlan {
  ref: string;
  givenName: string;
  familyName: string;
  birthDate: string | null;
  gender: 'female' | 'male' | null;
  nationalId: string | null;
  addressProtection: Gradering | null;
  address: unknown;
  guardians: unknown[];
}

export interface OffencePlan {
  basisCaseId: string | null;
  legalReference: string;
  statuteId: string | null;
  description: string | null;
  maxPenaltyMonths: number | null;
  policeCaseNumber: string;
  statisticsGroup: Kodeverk;
  crimeType: Kodeverk | null;
  details: unknown;
  victims: VictimPlan[];
}

export interface OrderPlan {
  messageId: string;
  caseNumber: string;
  court: string;
  judgmentDate: string;
  finalDate: string | null;
  offenceSummary: string;
  person: {
    nationalId: string;
    kind: 'fnr' | 'dnr' | 'synthetic';
    birthDate: string;
    gender: 'female' | 'male';
    givenName: string;
    familyName: string;
  };
  /** Places to look for the responsible facility, in order: the convicted person's, then the court's. */
  places: { place: string; source: 'address' | 'court' }[];
  reactions: ReactionPlan[];
  offences: OffencePlan[];
  /** Notes that do not stop the import. */
  notes: Issue[];
}

export type PlanResult = { ok: true; plan: OrderPlan } | { ok: false; issues: Issue[] };

const ORDER = 'fullbyrdelsesordre';
const DECISION = `${ORDER}.avgjoerelse`;
const REACTIONS = `${DECISION}.reaksjoner`;

const asLength = (l: Lengde | undefined): Length => ({
  years: l?.antallAar,
  months: l?.antallMaaneder,
  days: l?.antallDager,
});

/** The days a stated length covers from `from`, or null when none is stated. */
function days(l: Lengde | undefined, from: string): number | null {
  if (!l || isEmptyLength(asLength(l))) return null;
  return lengthInDays(asLength(l), from);
}

function fullGivenName(n: Personnavn): string {
  return [n.fornavn, n.mellomnavn].filter((part) => part?.trim()).join(' ');
}

const GENDER = { KVINNE: 'female', MANN: 'male' } as const;

/**
 * Checks an identity number the way the person register does (mod-11 check digits, D-numbers,
 * synthetic test numbers) and that it is the kind `idType` says.
 */
function checkIdentity(id: PersonIdentifikator, path: string, issues: Issue[]) {
  const parsed = parseNationalId(id.verdi);
  if (!parsed.valid) {
    issues.push({ path: `${path}.verdi`, code: parsed.error });
    return null;
  }
  // A D-number adds 4 to the first digit (a synthetic D-number too), a fødselsnummer does not.
  const isDnr = Number(id.verdi[0]) >= 4;
  if ((id.idType === 'DNUMMER') !== isDnr) {
    issues.push({ path: `${path}.idType`, code: 'esas_nin_type', params: { idType: id.idType } });
    return null;
  }
  return parsed;
}

/**
 * The checks and the plan. Identity numbers are checked (parseNationalId) where Varde uses them:
 * the convicted person's `identitetsnummer`, because it finds or creates the person — a wrong
 * number would attach the sentence to a stranger or create a second record; and each victim's
 * `identitetsnummer` when given, because it decides who is notified of leave and release.
 * Guardians' numbers are kept as given, unused.
 */
export function planOrder(message: Fullbyrdelsesordre, today: string): PlanResult {
  const issues: Issue[] = [];
  const notes: Issue[] = [];
  const order = message.fullbyrdelsesordre;
  const decision = order.avgjoerelse;
  const convicted = order.domfelte.person;

  // The convicted person. An SSP number (the police's own) is not a register number; Varde's
  // people are keyed by fødselsnummer or D-number, so one from tilleggsId is used when given.
  let idPath = `${ORDER}.domfelte.person.identitetsnummer`;
  let id: PersonIdentifikator | undefined = convicted.identitetsnummer;
  if (id.idType === 'SSPNUMMER') {
    const index = convicted.tilleggsId.findIndex((t) => t.idType !== 'SSPNUMMER');
    id = convicted.tilleggsId[index];
    idPath = `${ORDER}.domfelte.person.tilleggsId[${index}]`;
    if (!id)
      issues.push({
        path: `${ORDER}.domfelte.person.identitetsnummer.idType`,
        code: 'esas_ssp_only',
        fault: 'receiver',
      });
  }
  const identity = id ? checkIdentity(id, idPath, issues) : null;

  // Impossible dates.
  if (decision.avsagtDato > today)
    issues.push({
      path: `${DECISION}.avsagtDato`,
      code: 'esas_date_future',
      params: { date: decision.avsagtDato },
    });
  const finalDate = order.rettskraftigFraOgMed ?? null;
  if (finalDate && finalDate > today)
    issues.push({
      path: `${ORDER}.rettskraftigFraOgMed`,
      code: 'esas_date_future',
      params: { date: finalDate },
    });
  // A person cannot be judged before being born: the date of birth must come before the judgment.
  if (convicted.foedselsdato > decision.avsagtDato)
    issues.push({
      path: `${ORDER}.domfelte.person.foedselsdato`,
      code: 'esas_date_order',
      params: {
        date: convicted.foedselsdato,
        laterField: `${DECISION}.avsagtDato`,
        later: decision.avsagtDato,
      },
    });
  // Final before pronounced is odd but not impossible: a corrected decision keeps its id
  // (avgjoerelseId) and an appeal court's ruling can leave parts final from an earlier date.
  if (finalDate && finalDate < decision.avsagtDato)
    notes.push({
      path: `${ORDER}.rettskraftigFraOgMed`,
      code: 'esas_final_before_judgment',
      params: { date: finalDate, judgmentDate: decision.avsagtDato },
    });
  if (identity?.valid && identity.birthDate !== convicted.foedselsdato)
    notes.push({
      path: `${ORDER}.domfelte.person.foedselsdato`,
      code: 'esas_birth_date_differs',
      params: { given: convicted.foedselsdato, derived: identity.birthDate },
    });
  if (identity?.valid && convicted.kjoenn && GENDER[convicted.kjoenn] !== identity.gender)
    notes.push({
      path: `${ORDER}.domfelte.person.kjoenn`,
      code: 'esas_gender_differs',
      params: { given: convicted.kjoenn },
    });

  const reactions = planReactions(decision.reaksjoner, today, issues);
  const offences = decision.straffbareForhold.map((f, i) =>
    planOffence(f, `${DECISION}.straffbareForhold[${i}]`, today, issues),
  );

  if (issues.length > 0 || !identity?.valid) return { ok: false, issues };

  const address = order.domfelte.personAdresse;
  const protectedAddress = Boolean(order.domfelte.adresseGradering ?? address?.gradering);
  const places: OrderPlan['places'] = [];
  // A protected address is not used to place anyone: where the sentence is run would hint at it.
  if (!protectedAddress && address?.adresse.poststed?.trim())
    places.push({ place: address.adresse.poststed.trim(), source: 'address' });
  const courtPlace = decision.domstol.navn.replace(/\s+(tingrett|lagmannsrett|jordskifterett)$/i, '').trim();
  if (courtPlace && courtPlace !== decision.domstol.navn) places.push({ place: courtPlace, source: 'court' });

  const summary = [
    ...new Set(
      offences.map((o) => o.statisticsGroup.navn?.trim() || o.legalReference).filter((s) => s.length > 0),
    ),
  ].join('; ');

  return {
    ok: true,
    plan: {
      messageId: message.forsendelse.meldingsId,
      caseNumber: decision.saksnummer.trim(),
      court: decision.domstol.navn,
      judgmentDate: decision.avsagtDato,
      finalDate,
      offenceSummary: summary || decision.saksnummer,
      person: {
        nationalId: (id as PersonIdentifikator).verdi,
        kind: identity.kind,
        birthDate: identity.birthDate,
        gender: identity.gender,
        givenName: fullGivenName(convicted.navn),
        familyName: convicted.navn.etternavn.trim(),
      },
      places,
      reactions,
      offences,
      notes,
    },
  };
}

function emptyReaction(kind: ReactionKind, path: string, details: unknown): ReactionPlan {
  return {
    kind,
    path,
    sentence: null,
    termDays: null,
    conditionalDays: null,
    probationDays: null,
    deductionDays: null,
    substituteDays: null,
    hours: null,
    amountNok: null,
    electronicControl: false,
    electronicControlDays: null,
    indefinite: false,
    legalBasis: null,
    description: null,
    details,
  };
}

/**
 * Every reaction as stated, in the contract's order. The ones the correctional service executes
 * get a sentence for the queue: unconditional prison, community sentence, youth sentence, and
 * the substitute prison of an unpaid fine. Conditional prison, fines, losses of rights (with or
 * without electronic control), confiscation and "other" are kept but not queued.
 */
export function planReactions(r: Reaksjoner, today: string, issues: Issue[]): ReactionPlan[] {
  const out: ReactionPlan[] = [];

  if (r.fengsel) {
    const path = `${REACTIONS}.fengsel`;
    const plan = emptyReaction('prison', path, r.fengsel);
    const total = days(r.fengsel.straff, today);
    const conditional = days(r.fengsel.betinget, today) ?? 0;
    if (!total) issues.push({ path: `${path}.straff`, code: 'esas_length_missing' });
    else if (conditional > total) issues.push({ path: `${path}.betinget`, code: 'esas_conditional_exceeds' });
    else {
      plan.termDays = total;
      plan.conditionalDays = conditional || null;
      plan.probationDays = days(r.fengsel.proevetid, today);
      plan.deductionDays = days(r.fengsel.fradrag, today);
      // Only the unconditional part is served; a wholly conditional sentence is not queued.
      const unconditional = total - conditional;
      if (unconditional > 0)
        plan.sentence = {
          kind: 'prison',
          termDays: unconditional,
          hours: null,
          substituteDays: null,
          group: 'prison',
        };
    }
    out.push(plan);
  }

  let fine: ReactionPlan | null = null;
  if (r.bot) {
    fine = emptyReaction('fine', `${REACTIONS}.bot`, r.bot);
    fine.amountNok = r.bot.beloep;
    fine.probationDays = days(r.bot.proevetid, today);
    fine.substituteDays = days(r.bot.subsidaerFengselsstraff, today);
    out.push(fine);
  }

  if (r.samfunnsstraff) {
    const path = `${REACTIONS}.samfunnsstraff`;
    const plan = emptyReaction('community', path, r.samfunnsstraff);
    const hours = r.samfunnsstraff.straff.antallTimer;
    // Community sentences are imposed in hours, 30 to 420 (STRL § 49), and run by a probation office.
    if (!hours || hours < 30 || hours > 420 || !isEmptyLength(asLength(r.samfunnsstraff.straff)))
      issues.push({ path: `${path}.straff`, code: 'esas_community_hours' });
    else {
      plan.hours = hours;
      plan.substituteDays = days(r.samfunnsstraff.subsidaerFengselsstraff, today);
      plan.deductionDays = days(r.samfunnsstraff.fradrag, today);
      plan.termDays = days(r.samfunnsstraff.gjennomfoeringstid, today);
      plan.description = r.samfunnsstraff.vilkaar ?? null;
      plan.sentence = {
        kind: 'community',
        termDays: null,
        hours,
        substituteDays: plan.substituteDays,
        group: 'probation',
      };
    }
    out.push(plan);
  }

  if (r.ungdomsstraff) {
    const path = `${REACTIONS}.ungdomsstraff`;
    const plan = emptyReaction('youth', path, r.ungdomsstraff);
    const term = days(r.ungdomsstraff.straff, today);
    if (!term) issues.push({ path: `${path}.straff`, code: 'esas_length_missing' });
    else {
      plan.termDays = term;
      plan.substituteDays = days(r.ungdomsstraff.subsidaerFengselsstraff, today);
      plan.deductionDays = days(r.ungdomsstraff.fradrag, today);
      // Queued like the other youth sentences in Varde, with a prison responsible.
      plan.sentence = {
        kind: 'youth',
        termDays: term,
        hours: null,
        substituteDays: plan.substituteDays,
        group: 'prison',
      };
    }
    out.push(plan);
  }

  const rights: [keyof Reaksjoner, ReactionKind][] = [
    ['rettighetstap', 'loss_of_rights'],
    ['rettighetstapForbudKontakt', 'contact_ban'],
    ['rettighetstapMotorvogn', 'driving_ban'],
    ['rettighetstapTransport', 'transport_ban'],
  ];
  for (const [field, kind] of rights) {
    const list = (r[field] as Rettighetstap[] | undefined) ?? [];
    list.forEach((loss, i) => {
      const plan = emptyReaction(kind, `${REACTIONS}.${field}[${i}]`, loss);
      plan.legalBasis = loss.hjemmel.lovbudStreng;
      plan.termDays = days(loss.varighet?.lengde, today);
      plan.indefinite = loss.varighet?.ubestemtTid === true;
      plan.description = loss.tekst ?? null;
      if (loss.varighetElektroniskKontroll || loss.tekstElektroniskKontroll) {
        plan.electronicControl = true;
        plan.electronicControlDays = days(loss.varighetElektroniskKontroll?.lengde, today);
      }
      out.push(plan);
    });
  }

  (r.inndragning ?? []).forEach((c, i) => {
    const plan = emptyReaction('confiscation', `${REACTIONS}.inndragning[${i}]`, c);
    plan.legalBasis = c.hjemmel;
    plan.amountNok = c.beloep ?? null;
    plan.description = c.beskrivelse ?? null;
    out.push(plan);
  });

  if (r.annet) {
    const plan = emptyReaction('other', `${REACTIONS}.annet`, r.annet);
    plan.description = r.annet.tekst;
    out.push(plan);
  }

  // A fine is collected by the collection agency, not by the correctional service. An order whose
  // only reaction for the service is an unconditional fine with a substitute prison term is an
  // order to execute that term because the fine was not paid (STRL § 55): it is queued as such.
  const executedOther = out.some((p) => p.sentence !== null);
  if (fine && !executedOther && !fine.probationDays && fine.substituteDays)
    fine.sentence = {
      kind: 'fine_substitute',
      termDays: null,
      hours: null,
      substituteDays: fine.substituteDays,
      group: 'prison',
    };

  if (out.length === 0) issues.push({ path: REACTIONS, code: 'esas_reaction_none' });
  return out;
}

function planVictim(v: RelatertPerson, path: string, today: string, issues: Issue[]): VictimPlan {
  const p = v.person;
  let nationalId: string | null = null;
  if (p.identitetsnummer && p.identitetsnummer.idType !== 'SSPNUMMER') {
    if (checkIdentity(p.identitetsnummer, `${path}.person.identitetsnummer`, issues))
      nationalId = p.identitetsnummer.verdi;
  }
  if (p.foedselsdato && p.foedselsdato > today)
    issues.push({
      path: `${path}.person.foedselsdato`,
      code: 'esas_date_future',
      params: { date: p.foedselsdato },
    });
  const protection = v.adresseGradering ?? v.personAdresse?.gradering ?? null;
  return {
    ref: p.personForetakRef,
    givenName: fullGivenName(p.navn),
    familyName: p.navn.etternavn.trim(),
    birthDate: p.foedselsdato ?? null,
    gender: p.kjoenn ? GENDER[p.kjoenn] : null,
    nationalId,
    addressProtection: protection,
    address: v.personAdresse?.adresse ?? null,
    guardians: v.verger,
  };
}

function planOffence(f: StraffbartForhold, path: string, today: string, issues: Issue[]): OffencePlan {
  const laws = f.lovbudKombinert.lovbud;
  const first = laws[0];
  const limits = laws.map((l) => l.strafferamme).filter((n): n is number => typeof n === 'number');
  const { fornaermede, ...details } = f;
  return {
    basisCaseId: f.basissakId ?? null,
    legalReference: laws.map((l) => l.lovbudStreng).join(' / '),
    statuteId: first?.lovbudId ?? null,
    description: first?.gjengivelse ?? null,
    maxPenaltyMonths: limits.length > 0 ? Math.max(...limits) : null,
    policeCaseNumber: f.straffesak.straffesaksnummer,
    statisticsGroup: f.straffesak.statistikkgruppe,
    crimeType: f.straffesak.krimtype ?? null,
    details,
    victims: fornaermede.map((v, i) => planVictim(v, `${path}.fornaermede[${i}]`, today, issues)),
  };
}

// ─── The responsible facility ───

export interface FacilityOption {
  id: string;
  code: string;
  name: string;
  kind: FacilityKind;
  municipality: string;
  beds: number;
}

const GROUP_KINDS: Record<FacilityGroup, FacilityKind[]> = {
  // High security first: the main rule is to start there (SGL § 11); a case worker moves it later.
  prison: ['prison_high', 'prison_lower'],
  probation: ['probation_office'],
};

export type FacilityChoice = {
  facility: FacilityOption;
  rule: 'address' | 'court' | 'default' | 'first';
  place?: string;
};

/**
 * The facility responsible for a new sentence, chosen deterministically: the first of the
 * message's places (the convicted person's post town, then the court's seat) that is the
 * municipality of a facility of the right kind; else the configured default; else the first
 * facility of the right kind. Among several: high security before lower (SGL § 11), then the
 * largest (most beds; a small specialised prison is not the first choice), then by code.
 */
export function chooseFacility(
  facilities: readonly FacilityOption[],
  places: OrderPlan['places'],
  group: FacilityGroup,
  defaultCode: string | undefined,
): FacilityChoice | null {
  const kinds = GROUP_KINDS[group];
  const candidates = facilities
    .filter((f) => kinds.includes(f.kind))
    .sort(
      (a, b) =>
        kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || b.beds - a.beds || a.code.localeCompare(b.code),
    );
  for (const { place, source } of places) {
    const wanted = normaliseName(place);
    const match = candidates.find((f) => normaliseName(f.municipality) === wanted);
    if (match) return { facility: match, rule: source, place };
  }
  const fallback = defaultCode ? candidates.find((f) => f.code === defaultCode) : undefined;
  if (fallback) return { facility: fallback, rule: 'default' };
  const first = candidates[0];
  return first ? { facility: first, rule: 'first' } : null;
}
