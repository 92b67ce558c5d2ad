import { toCsv } from '../calculations/csv.ts';
import { lettersPdf, reportPdf, type Section } from './crisis.pdf.ts';
import type { Dashboard, Figures, LetterView } from './crisis.schemas.ts';

// The Ministry report (seed 000: "Provide regular information to all relevant parties … the
// Ministry of Justice and Public Security"), as CSV and as PDF, in bokmål.

export interface ReportData {
  picture: Dashboard;
  measures: {
    type: string;
    level: string | null;
    scopeKind: string;
    scopeName: string | null;
    validFrom: string;
    validTo: string;
    reviewDate: string;
    reason: string;
    decidedBy: string;
  }[];
  preparedBy: string;
}

const TYPE_NB: Record<string, string> = {
  single_occupancy: 'Bare enkeltrom',
  fewer_lower_security: 'Færre innsatte i lavere sikkerhet',
  more_em: 'Mer elektronisk kontroll',
  fewer_probation_activities: 'Redusert aktivitet i friomsorgen',
  no_transfers: 'Ingen overføringer',
  visits: 'Besøk',
  leave_restrictions: 'Begrenset permisjon',
  escorted_leave_restrictions: 'Begrenset fremstilling',
  temporary_release_restrictions: 'Begrenset frigang',
  media_politician_visits_postponed: 'Besøk fra media og politikere utsatt',
  solitary_placement: 'Isolasjon',
  interruption_of_sentence: 'Avbrudd i soning',
  early_release: 'Tidlig løslatelse',
  postponement_of_execution: 'Utsatt straffegjennomføring',
  new_appearance_dates: 'Nye oppmøtedatoer',
  video_visits: 'Videosamtaler',
};
const LEVEL_NB: Record<string, string> = {
  normal: 'normal',
  restricted: 'begrenset',
  extended: 'utvidet begrenset',
  stopped: 'stanset',
  some: 'noen',
  all: 'alle',
  none: 'ingen',
  low: 'lavt',
  moderate: 'moderat',
  high: 'høyt',
  severe: 'svært høyt',
};
const SCOPE_NB: Record<string, string> = { national: 'Nasjonalt', unit: 'Region/enhet', facility: 'Enhet' };

export const typeNb = (type: string) => TYPE_NB[type] ?? type;
export const levelNb = (level: string | null) => (level ? (LEVEL_NB[level] ?? level) : '');

/** The figures in the report's columns, each followed by its change since the day before. */
const FIGURE_COLUMNS: { key: keyof Figures; header: string }[] = [
  { key: 'inmateCases', header: 'smittede_innsatte' },
  { key: 'staffCases', header: 'smittede_ansatte' },
  { key: 'inmateQuarantine', header: 'karantene_innsatte' },
  { key: 'staffQuarantine', header: 'karantene_ansatte' },
  { key: 'inmateSuspected', header: 'mistenkte_innsatte' },
  { key: 'staffSuspected', header: 'mistenkte_ansatte' },
  { key: 'capacity', header: 'kapasitet' },
  { key: 'occupied', header: 'belegg' },
  { key: 'free', header: 'ledige' },
  { key: 'queueAffected', header: 'ko_berort' },
  { key: 'visitsCancelled', header: 'besok_avlyst' },
  { key: 'visitsStopped', header: 'besok_stanset' },
  { key: 'leaveRestricted', header: 'permisjon_begrenset' },
];

/** The CSV's columns, in order; docs/API.md describes each. */
export const CSV_COLUMNS = [
  'rad',
  'dato',
  'region',
  'enhet',
  'kode',
  'tiltaksniva',
  'besok',
  'isolasjon',
  'enerom',
  ...FIGURE_COLUMNS.flatMap((c) => [c.header, `${c.header}_endring`]),
  'tiltak',
  'tiltak_niva',
  'gjelder_for',
  'gyldig_fra',
  'gyldig_til',
  'vurderes',
  'begrunnelse',
  'besluttet_av',
  'utarbeidet_av',
  'generert',
];

export function reportCsv(data: ReportData): string {
  const { picture } = data;
  const tail = [data.preparedBy, picture.generatedAt];
  const numbers = (f: Figures) =>
    FIGURE_COLUMNS.flatMap((c) => [String(f[c.key].value), String(f[c.key].change)]);
  const noMeasure = ['', '', '', '', '', '', '', ''];
  const rows: string[][] = [
    [
      'nasjonalt',
      picture.date,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      ...numbers(picture.totals),
      ...noMeasure,
      ...tail,
    ],
  ];
  for (const region of picture.regions) {
    rows.push([
      'region',
      picture.date,
      region.name,
      '',
      '',
      '',
      '',
      '',
      '',
      ...numbers(region.totals),
      ...noMeasure,
      ...tail,
    ]);
    for (const f of region.facilities)
      rows.push([
        'enhet',
        picture.date,
        region.name,
        f.name,
        f.code,
        levelNb(f.measures.level),
        levelNb(f.measures.visits),
        levelNb(f.measures.solitary),
        f.measures.singleOccupancy ? 'ja' : 'nei',
        ...numbers(f.figures),
        ...noMeasure,
        ...tail,
      ]);
  }
  const blank = FIGURE_COLUMNS.flatMap(() => ['', '']);
  for (const m of data.measures)
    rows.push([
      'tiltak',
      picture.date,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      ...blank,
      typeNb(m.type),
      levelNb(m.level),
      m.scopeKind === 'national' ? (SCOPE_NB.national ?? '') : (m.scopeName ?? ''),
      m.validFrom,
      m.validTo,
      m.reviewDate,
      m.reason,
      m.decidedBy,
      ...tail,
    ]);
  return toCsv(CSV_COLUMNS, rows);
}

const withChange = (c: { value: number; change: number }) =>
  c.change === 0 ? String(c.value) : `${c.value} (${c.change > 0 ? '+' : ''}${c.change})`;

function oslo(iso: string): string {
  return new Intl.DateTimeFormat('nb-NO', {
    timeZone: 'Europe/Oslo',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));
}

const figureColumns = [
  { header: 'Smittede innsatte', width: 1, align: 'right' as const },
  { header: 'Smittede ansatte', width: 1, align: 'right' as const },
  { header: 'Karantene innsatte', width: 1, align: 'right' as const },
  { header: 'Karantene ansatte', width: 1, align: 'right' as const },
  { header: 'Mistenkte (i/a)', width: 1, align: 'right' as const },
  { header: 'Kapasitet', width: 1, align: 'right' as const },
  { header: 'Belegg', width: 1, align: 'right' as const },
  { header: 'Ledige', width: 1, align: 'right' as const },
  { header: 'Kø berørt', width: 1, align: 'right' as const },
  { header: 'Besøk avlyst', width: 1, align: 'right' as const },
];
const figureCells = (f: Figures) => [
  withChange(f.inmateCases),
  withChange(f.staffCases),
  withChange(f.inmateQuarantine),
  withChange(f.staffQuarantine),
  `${withChange(f.inmateSuspected)} / ${withChange(f.staffSuspected)}`,
  withChange(f.capacity),
  withChange(f.occupied),
  withChange(f.free),
  withChange(f.queueAffected),
  withChange(f.visitsCancelled),
];

export function reportPdfBytes(data: ReportData, createdAt: Date): Promise<Uint8Array> {
  const { picture } = data;
  const scope = picture.scope.kind === 'national' ? 'Hele landet' : picture.scope.names.join(', ');
  const regions: Section = {
    heading: 'Totalt og per region',
    note: 'Tall i parentes er endringen siden dagen før.',
    columns: [
      { header: 'Region', width: 2.2 },
      ...figureColumns,
      { header: 'Besøk stanset', width: 0.9, align: 'right' },
      { header: 'Perm. begrenset', width: 0.9, align: 'right' },
    ],
    rows: [
      [
        'Totalt',
        ...figureCells(picture.totals),
        withChange(picture.totals.visitsStopped),
        withChange(picture.totals.leaveRestricted),
      ],
      ...picture.regions.map((r) => [
        r.name,
        ...figureCells(r.totals),
        withChange(r.totals.visitsStopped),
        withChange(r.totals.leaveRestricted),
      ]),
    ],
  };
  const facilities: Section = {
    heading: 'Per enhet',
    columns: [
      { header: 'Enhet', width: 2.2 },
      { header: 'Region', width: 1.4 },
      { header: 'Tiltaksnivå', width: 1 },
      { header: 'Besøk', width: 1 },
      { header: 'Enerom', width: 0.6 },
      ...figureColumns,
    ],
    rows: picture.regions.flatMap((r) =>
      r.facilities.map((f) => [
        f.name,
        r.name,
        levelNb(f.measures.level),
        levelNb(f.measures.visits) || '–',
        f.measures.singleOccupancy ? 'ja' : 'nei',
        ...figureCells(f.figures),
      ]),
    ),
  };
  const measures: Section = {
    heading: 'Tiltak i kraft',
    columns: [
      { header: 'Tiltak', width: 1.6 },
      { header: 'Nivå', width: 0.8 },
      { header: 'Gjelder for', width: 1.4 },
      { header: 'Periode', width: 1.4 },
      { header: 'Vurderes', width: 0.8 },
      { header: 'Begrunnelse', width: 3 },
      { header: 'Besluttet av', width: 1.2 },
    ],
    rows: data.measures.map((m) => [
      typeNb(m.type),
      levelNb(m.level) || '–',
      m.scopeKind === 'national' ? 'Nasjonalt' : (m.scopeName ?? ''),
      `${m.validFrom} – ${m.validTo}`,
      m.reviewDate,
      m.reason,
      m.decidedBy,
    ]),
  };
  return reportPdf({
    title: 'Kriminalomsorgen – nasjonalt situasjonsbilde',
    facts: [
      `Til: Justis- og beredskapsdepartementet`,
      `Dato for situasjonsbildet: ${picture.date} (endring sammenlignet med ${picture.previousDate})`,
      `Omfang: ${scope}`,
      `Utarbeidet av: ${data.preparedBy}`,
      `Generert: ${oslo(picture.generatedAt)}`,
    ],
    sections: [regions, facilities, measures],
    footer: `Nasjonalt situasjonsbilde ${picture.date}`,
    createdAt,
  });
}

export function lettersPdfBytes(letters: readonly LetterView[], title: string, createdAt: Date) {
  return lettersPdf({ title, letters, createdAt });
}
