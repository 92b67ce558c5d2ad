// The law's numbers, each with the period it is valid for and its source. A rule that changes on
// a date is two rows; a calculation "as of" a date uses the row valid on that date. Crisis rules
// are rows too: their validity period is the switch, and a caller may pass its own table (for
// example the 2020 early-release rule switched on for another period).
//
// Sources are quoted from the text in force (Lovdata, as mirrored in sondreskarsten/norwegian-laws):
// straffegjennomføringsloven (SGL, LOV-2001-05-18-21), forskrift om straffegjennomføring
// (FOR-2002-02-22-183), straffeloven (STRL, LOV-2005-05-20-28). Rows whose validFrom is the day an
// Act or chapter came into force model today's wording back to that day; older wordings are not
// modelled.

import type { OffenceGroup } from './sentence/offences.ts';

export interface ParameterRow {
  key: ParameterKey;
  /** The number; with `denominator` it is a fraction (2 / 3 is value 2, denominator 3). */
  value: number;
  denominator?: number;
  validFrom: string;
  /** Exclusive; null while the rule is still in force. */
  validTo: string | null;
  source: string;
}

type ExclusionKey = `em.excludes.${OffenceGroup}` | `crisisEm.excludes.${OffenceGroup}`;

export type ParameterKey =
  | 'summons.minimumNoticeDays'
  | 'queue.startWithinDays'
  | 'age.youngAdultBelow'
  | 'age.minorBelow'
  | 'remand.graceHours'
  | 'remand.creditPeriodHours'
  | 'remand.isolationPeriodHours'
  | 'remand.placementWithinHours'
  | 'parole.ordinaryFraction'
  | 'parole.specialFraction'
  | 'parole.minimumServedDays'
  | 'parole.minimumRemainingDays'
  | 'leave.continuousMonths'
  | 'leave.termFraction'
  | 'leave.longTermAboveYears'
  | 'leave.longTermAfterYears'
  | 'leave.quotaDays'
  | 'leave.extendedQuotaDays'
  | 'leave.preventiveMinimumFraction'
  | 'dayRelease.continuousMonths'
  | 'dayRelease.termFraction'
  | 'em.maxMonths'
  | 'em.backEndTermFraction'
  | 'outsidePrison.termFraction'
  | 'placement.directLowerSecurityMaxYears'
  | 'placement.directHalfwayHouseMaxYears'
  | 'placement.lowerSecurityReviewYearsBeforeParole'
  | 'prison.minimumDays'
  | 'prison.maxYearsUnder18'
  | 'fine.substituteMaxDays'
  | 'fineService.hoursPerDay'
  | 'fineService.maxHours'
  | 'community.minHours'
  | 'community.maxHours'
  | 'preventive.frameMaxYears'
  | 'preventive.frameMaxYearsUnder18'
  | 'preventive.minimumMaxYears'
  | 'preventive.minimumMaxYearsFrameOver15'
  | 'preventive.minimumMaxYearsFrameOver21'
  | 'crisis2020.earlyRelease.shortTermBelowDays'
  | 'crisis2020.earlyRelease.shortTermDays'
  | 'crisis2020.earlyRelease.mediumTermDays'
  | 'crisis2020.earlyRelease.longTermFromMonths'
  | 'crisis2020.earlyRelease.longTermDays'
  | 'crisis2020.earlyRelease.minimumServedWithParoleDays'
  | 'crisisEm.termFraction'
  | ExclusionKey;

const SGL = 'straffegjennomføringsloven (LOV-2001-05-18-21)';
const FOR = 'forskrift om straffegjennomføring (FOR-2002-02-22-183)';
const STRL = 'straffeloven (LOV-2005-05-20-28)';
const SGL_IN_FORCE = '2002-03-01';
const STRL_IN_FORCE = '2015-10-01';
/** SGL § 16 a (6 months) replaced the 4-month rule of § 16 annet ledd; in force 1 September 2020. */
const EM_SIX_MONTHS_FROM = '2020-09-01';
/** KDI circular of Monday 16 March 2020, under SGL § 42 fjerde ledd, "i første omgang fram til 13. april". */
const EARLY_RELEASE_2020 = { validFrom: '2020-03-16', validTo: '2020-04-14' } as const;
const EARLY_RELEASE_SOURCE =
  'KDI-rundskriv 16.03.2020 om fremskutt løslatelse (covid-19), jf. straffegjennomføringsloven § 42 fjerde ledd; gjaldt «i første omgang fram til 13. april» (NRK, VG, TV 2, iFinnmark mars 2020)';
/** The temporary SGL kapittel 3 A § 45 d and its successors; today SGL § 45 a første ledd bokstav f. */
const CRISIS_EM_PERIODS = [
  {
    validFrom: '2020-12-18',
    validTo: '2021-06-01',
    law: 'midlertidig lov 18. desember 2020 nr. 148 (strgjfl. kap. 3 A § 45 d), opphevet 1. juni 2021',
  },
  {
    validFrom: '2021-06-11',
    validTo: '2021-12-01',
    law: 'lov 11. juni 2021 nr. 71 (strgjfl. kap. 3 A § 45 d), opphevet 1. desember 2021',
  },
  {
    validFrom: '2021-12-17',
    validTo: '2023-07-01',
    law: 'lov 17. desember 2021 nr. 149 (strgjfl. kap. 3 A § 45 d), forlenget ved lov 17. juni 2022 nr. 62, opphevet 1. juli 2023',
  },
] as const;

function permanent(
  key: ParameterKey,
  value: number,
  validFrom: string,
  source: string,
  denominator?: number,
): ParameterRow {
  return denominator === undefined
    ? { key, value, validFrom, validTo: null, source }
    : { key, value, denominator, validFrom, validTo: null, source };
}

const CRISIS_EM_EXCLUDED: Record<'terror' | 'sexual' | 'murder' | 'domestic_violence', string> = {
  terror: 'straffeloven kapittel 18 (terrorhandlinger)',
  sexual: 'straffeloven kapittel 26 (seksuallovbrudd)',
  murder: 'straffeloven § 275 (drap)',
  domestic_violence: 'straffeloven §§ 282 og 283 (mishandling i nære relasjoner)',
};

const EM_EXCLUDED: Record<
  'sexual' | 'murder' | 'domestic_violence' | 'serious_violence' | 'violence_close_relation',
  string
> = {
  sexual: 'seksuallovbrudd etter straffeloven kapittel 26',
  murder: 'straffeloven § 275',
  domestic_violence: 'straffeloven §§ 282 og 283 (innenfor §§ 281 til 286)',
  serious_violence: 'straffeloven §§ 274, 277, 279, 281, 284 til 286 og 288',
  violence_close_relation:
    'straffeloven §§ 271 til 273, 278, 280 eller 287 begått mot barn eller en domfelte bor eller bodde sammen med, eller gjentakelse',
};

export const PARAMETERS: readonly ParameterRow[] = [
  {
    key: 'summons.minimumNoticeDays',
    value: 21,
    validFrom: '2010-04-01',
    validTo: null,
    source: 'FOR-2010-03-19-408 § 3 første ledd: fremmøte ikke mindre enn tre uker fra innkallingen',
  },
  {
    key: 'queue.startWithinDays',
    value: 60,
    validFrom: '2010-04-01',
    validTo: null,
    source: 'FOR-2010-03-19-408 § 3 første ledd: normalt påbegynt innen 60 dager etter fullbyrdingsordre',
  },
  {
    key: 'age.youngAdultBelow',
    value: 23,
    validFrom: '2010-04-01',
    validTo: null,
    source: 'FOR-2010-03-19-408 § 3 annet ledd: domfelte under 23 år prioriteres',
  },
  {
    key: 'age.minorBelow',
    value: 18,
    validFrom: '2002-03-01',
    validTo: null,
    source:
      'FOR-2010-03-19-408 § 3 tredje ledd; straffegjennomføringsloven §§ 11, 16, 16 a; straffeloven §§ 33, 43, 52 a, 55: under 18 år',
  },

  // Remand credit: one day per started 24 hours beyond the first 4 hours, plus one day per started
  // 2 days in full isolation.
  permanent(
    'remand.graceHours',
    4,
    STRL_IN_FORCE,
    `${STRL} § 83 annet ledd første punktum: «utover 4 timer»`,
  ),
  permanent(
    'remand.creditPeriodHours',
    24,
    STRL_IN_FORCE,
    `${STRL} § 83 annet ledd første punktum: 1 dag for hvert påbegynte døgn`,
  ),
  permanent(
    'remand.isolationPeriodHours',
    48,
    STRL_IN_FORCE,
    `${STRL} § 83 annet ledd annet punktum: 1 dag for hvert påbegynte tidsrom av 2 døgn i fullstendig isolasjon`,
  ),
  permanent(
    'remand.placementWithinHours',
    48,
    SGL_IN_FORCE,
    `${FOR} § 4-1 første ledd: fengselsplass innen to døgn etter pågripelsen`,
  ),

  // Parole.
  permanent(
    'parole.ordinaryFraction',
    2,
    SGL_IN_FORCE,
    `${SGL} § 42 første ledd: to tredjedeler av straffen, medregnet varetekt`,
    3,
  ),
  permanent(
    'parole.specialFraction',
    1,
    SGL_IN_FORCE,
    `${SGL} § 42 tredje ledd: halvdelen av fengselsstraffen når særlige grunner tilsier det`,
    2,
  ),
  permanent(
    'parole.minimumServedDays',
    60,
    SGL_IN_FORCE,
    `${SGL} § 42 første og tredje ledd: minst 60 dager`,
  ),
  permanent(
    'parole.minimumRemainingDays',
    14,
    SGL_IN_FORCE,
    `${SGL} § 42 første ledd annet punktum: gjenstående straffetid ikke mindre enn 14 dager uten tungtveiende grunner`,
  ),

  // Leave and day release.
  permanent(
    'leave.continuousMonths',
    4,
    SGL_IN_FORCE,
    `${FOR} § 3-30 femte ledd: sammenhengende frihetsberøvelse på minst 4 måneder`,
  ),
  permanent('leave.termFraction', 1, SGL_IN_FORCE, `${FOR} § 3-30 femte ledd: minst 1/3 av straffetiden`, 3),
  permanent(
    'leave.longTermAboveYears',
    12,
    SGL_IN_FORCE,
    `${FOR} § 3-30 femte ledd: lengre straffetid enn fengsel i 12 år`,
  ),
  permanent(
    'leave.longTermAfterYears',
    4,
    SGL_IN_FORCE,
    `${FOR} § 3-30 femte ledd: ordinær permisjon etter 4 års sammenhengende straffegjennomføring`,
  ),
  permanent(
    'leave.quotaDays',
    18,
    SGL_IN_FORCE,
    `${FOR} § 3-30 annet ledd: permisjonskvote på inntil 18 døgn i året`,
  ),
  permanent(
    'leave.extendedQuotaDays',
    30,
    SGL_IN_FORCE,
    `${FOR} § 3-30 annet ledd: i særlige tilfeller en årlig permisjonskvote på inntil 30 døgn`,
  ),
  permanent(
    'leave.preventiveMinimumFraction',
    2,
    SGL_IN_FORCE,
    'forskrift om gjennomføring av forvaring (teksten ikke funnet i kildekorpuset; regelen gjengitt av KDI): permisjon tidligst etter 2/3 av minstetiden',
    3,
  ),
  permanent(
    'dayRelease.continuousMonths',
    4,
    SGL_IN_FORCE,
    `${FOR} § 3-14 første ledd: sammenhengende frihetsberøvelse på minst 4 måneder`,
  ),
  permanent(
    'dayRelease.termFraction',
    1,
    SGL_IN_FORCE,
    `${FOR} § 3-14 første ledd: minst 1/3 av straffetiden`,
    3,
  ),

  // Electronic monitoring: the limit was 4 months until SGL § 16 a came into force.
  {
    key: 'em.maxMonths',
    value: 4,
    validFrom: '2008-08-01',
    validTo: EM_SIX_MONTHS_FROM,
    source: `${SGL} § 16 annet ledd (ordlyden før § 16 a): ubetinget fengselsstraff eller resterende tid inntil 4 måneder; ${FOR} kapittel 7 i kraft 1. august 2008`,
  },
  {
    key: 'em.maxMonths',
    value: 6,
    validFrom: EM_SIX_MONTHS_FROM,
    validTo: null,
    source: `${SGL} § 16 a første ledd: ubetinget fengselsstraff eller resterende tid inntil 6 måneder (Prop. 132 L (2018–2019); i kraft 1. september 2020)`,
  },
  permanent(
    'em.backEndTermFraction',
    1,
    '2008-08-01',
    `${FOR} § 7-2 annet ledd: overføring fra fengsel ikke før en tredel av den ubetingede straffen er gjennomført`,
    3,
  ),
  ...Object.entries(EM_EXCLUDED).map(([group, text]) =>
    permanent(
      `em.excludes.${group as keyof typeof EM_EXCLUDED}`,
      1,
      EM_SIX_MONTHS_FROM,
      `${FOR} § 7-2 fjerde ledd (forskrift 24. juli 2020 nr. 1591): ikke elektronisk kontroll ved ${text}; gjelder ikke under 18 år`,
    ),
  ),
  permanent(
    'outsidePrison.termFraction',
    1,
    SGL_IN_FORCE,
    `${SGL} § 16 første ledd: straffegjennomføring utenfor fengsel når halvdelen av straffetiden er gjennomført`,
    2,
  ),

  // Placement.
  permanent(
    'placement.directLowerSecurityMaxYears',
    2,
    SGL_IN_FORCE,
    `${SGL} § 11 fjerde ledd: vurdere direkte innsettelse i fengsel med lavere sikkerhetsnivå ved fengselsstraff inntil 2 år`,
  ),
  permanent(
    'placement.directHalfwayHouseMaxYears',
    1,
    SGL_IN_FORCE,
    `${SGL} § 11 femte ledd: vurdere direkte innsettelse i overgangsbolig ved fengselsstraff inntil 1 år`,
  ),
  permanent(
    'placement.lowerSecurityReviewYearsBeforeParole',
    1,
    SGL_IN_FORCE,
    `${SGL} § 15 annet ledd: vurdere overføring til lavere sikkerhetsnivå når det gjenstår ett år til prøveløslatelse`,
  ),

  // Sentences.
  permanent('prison.minimumDays', 14, STRL_IN_FORCE, `${STRL} § 31 annet ledd: minstestraffen er 14 dager`),
  permanent(
    'prison.maxYearsUnder18',
    15,
    STRL_IN_FORCE,
    `${STRL} § 33: under 18 år på handlingstidspunktet, fengselsstraffen kan ikke overstige 15 år`,
  ),
  permanent(
    'fine.substituteMaxDays',
    120,
    STRL_IN_FORCE,
    `${STRL} § 55 første ledd: subsidiær fengselsstraff fra 1 til 120 dager`,
  ),
  permanent(
    'fineService.hoursPerDay',
    2,
    '2018-06-07',
    `${FOR} § 8-2 annet ledd: 2 timer bøtetjeneste for hver dag subsidiær fengselsstraff`,
  ),
  permanent(
    'fineService.maxHours',
    240,
    '2018-06-07',
    `${SGL} § 16 b annet ledd: timetall for bøtetjenesten fra 2 til 240 timer`,
  ),
  permanent(
    'community.minHours',
    30,
    STRL_IN_FORCE,
    `${STRL} § 49 første ledd bokstav a: samfunnsstraff fra 30 timer`,
  ),
  permanent(
    'community.maxHours',
    420,
    STRL_IN_FORCE,
    `${STRL} § 49 første ledd bokstav a: samfunnsstraff til 420 timer`,
  ),
  permanent(
    'preventive.frameMaxYears',
    21,
    STRL_IN_FORCE,
    `${STRL} § 43 første ledd: tidsrammen kan ikke overstige 21 år`,
  ),
  permanent(
    'preventive.frameMaxYearsUnder18',
    15,
    STRL_IN_FORCE,
    `${STRL} § 43 første ledd: under 18 år på handlingstidspunktet kan tidsrammen ikke overstige 15 år`,
  ),
  permanent(
    'preventive.minimumMaxYears',
    10,
    STRL_IN_FORCE,
    `${STRL} § 43 annet ledd: minstetid som ikke må overstige 10 år`,
  ),
  permanent(
    'preventive.minimumMaxYearsFrameOver15',
    14,
    STRL_IN_FORCE,
    `${STRL} § 43 annet ledd: tidsramme over 15 år, minstetid inntil 14 år`,
  ),
  permanent(
    'preventive.minimumMaxYearsFrameOver21',
    20,
    STRL_IN_FORCE,
    `${STRL} § 43 annet ledd: tidsramme over 21 år, minstetid inntil 20 år`,
  ),

  // Crisis 2020: early release (KDI circular under SGL § 42 fjerde ledd).
  {
    key: 'crisis2020.earlyRelease.shortTermBelowDays',
    value: 90,
    ...EARLY_RELEASE_2020,
    source: `${EARLY_RELEASE_SOURCE}: dommer under 90 dager`,
  },
  {
    key: 'crisis2020.earlyRelease.shortTermDays',
    value: 10,
    ...EARLY_RELEASE_2020,
    source: `${EARLY_RELEASE_SOURCE}: dommer under 90 dager løslates 10 dager før`,
  },
  {
    key: 'crisis2020.earlyRelease.mediumTermDays',
    value: 20,
    ...EARLY_RELEASE_2020,
    source: `${EARLY_RELEASE_SOURCE}: dommer på 90 dager eller mer løslates 20 dager før`,
  },
  {
    key: 'crisis2020.earlyRelease.longTermFromMonths',
    value: 6,
    ...EARLY_RELEASE_2020,
    source: `${EARLY_RELEASE_SOURCE}: dommer på 6 måneder eller mer`,
  },
  {
    key: 'crisis2020.earlyRelease.longTermDays',
    value: 30,
    ...EARLY_RELEASE_2020,
    source: `${EARLY_RELEASE_SOURCE}: dommer på 6 måneder eller mer løslates 30 dager før`,
  },
  {
    key: 'crisis2020.earlyRelease.minimumServedWithParoleDays',
    value: 60,
    ...EARLY_RELEASE_2020,
    source: `${EARLY_RELEASE_SOURCE}: sammen med prøveløslatelse må domfelte ha utholdt minst 60 dager`,
  },

  // Crisis: transfer to EM after 1/3 with excluded offence groups, for each period the temporary
  // chapter 3 A was in force.
  ...CRISIS_EM_PERIODS.flatMap(({ validFrom, validTo, law }) => [
    {
      key: 'crisisEm.termFraction' as const,
      value: 1,
      denominator: 3,
      validFrom,
      validTo,
      source: `${law}: midlertidig overføring til elektronisk kontroll når en tredel av den ubetingede fengselsstraffen er gjennomført (i dag strgjfl. § 45 a første ledd bokstav f)`,
    },
    ...Object.entries(CRISIS_EM_EXCLUDED).map(([group, text]) => ({
      key: `crisisEm.excludes.${group as keyof typeof CRISIS_EM_EXCLUDED}` as const,
      value: 1,
      validFrom,
      validTo,
      source: `${law}: gjelder ikke domfelte som gjennomfører straff for ${text}`,
    })),
  ]),
];

const indexes = new WeakMap<readonly ParameterRow[], Map<ParameterKey, ParameterRow[]>>();

/** Rows of one key, oldest first; indexed once per table because the engine asks millions of times. */
export function parameterRows(
  key: ParameterKey,
  table: readonly ParameterRow[] = PARAMETERS,
): readonly ParameterRow[] {
  let index = indexes.get(table);
  if (!index) {
    index = new Map();
    for (const row of table) {
      const rows = index.get(row.key) ?? [];
      rows.push(row);
      index.set(row.key, rows);
    }
    for (const rows of index.values()) rows.sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
    indexes.set(table, index);
  }
  return index.get(key) ?? [];
}

export function findParameter(
  key: ParameterKey,
  asOf: string,
  table: readonly ParameterRow[] = PARAMETERS,
): ParameterRow | undefined {
  return parameterRows(key, table).find(
    (r) => r.validFrom <= asOf && (r.validTo === null || asOf < r.validTo),
  );
}

export function parameter(
  key: ParameterKey,
  asOf: string,
  table: readonly ParameterRow[] = PARAMETERS,
): ParameterRow {
  const row = findParameter(key, asOf, table);
  if (!row) throw new RangeError(`no value for ${key} on ${asOf}`);
  return row;
}
