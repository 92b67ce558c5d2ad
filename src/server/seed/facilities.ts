import type { FacilityKind } from '../db/types.ts';

// The organisation of the demo data: the directorate, the five regions of 2020, the twelve units
// that replace them (seed 002: "erstatte dagens fem regioner med 12 større enheter") and the
// facilities, with real names and municipalities. Capacities are rounded, plausible figures.

export const ORGANISATION_START = '2000-01-01';
/** The day the twelve units take over from the five regions, in the demo data. */
export const REORGANISATION_DATE = '2022-01-01';

export interface OrgSpec {
  code: string;
  name: string;
}

export const DIRECTORATE: OrgSpec = { code: 'KDI', name: 'Kriminalomsorgsdirektoratet' };

export const REGIONS: readonly OrgSpec[] = [
  { code: 'R-OST', name: 'Region øst' },
  { code: 'R-SOR', name: 'Region sør' },
  { code: 'R-SORVEST', name: 'Region sørvest' },
  { code: 'R-VEST', name: 'Region vest' },
  { code: 'R-NORD', name: 'Region nord' },
];

export const UNITS: readonly OrgSpec[] = [
  { code: 'U-OSLO', name: 'Kriminalomsorgen Oslo' },
  { code: 'U-OST', name: 'Kriminalomsorgen Øst' },
  { code: 'U-INNLANDET', name: 'Kriminalomsorgen Innlandet' },
  { code: 'U-BUSKERUD', name: 'Kriminalomsorgen Buskerud' },
  { code: 'U-VESTFOLD-TELEMARK', name: 'Kriminalomsorgen Vestfold og Telemark' },
  { code: 'U-AGDER', name: 'Kriminalomsorgen Agder' },
  { code: 'U-SORVEST', name: 'Kriminalomsorgen Sør-Vest' },
  { code: 'U-VEST', name: 'Kriminalomsorgen Vest' },
  { code: 'U-MORE-ROMSDAL', name: 'Kriminalomsorgen Møre og Romsdal' },
  { code: 'U-MIDT', name: 'Kriminalomsorgen Midt-Norge' },
  { code: 'U-NORDLAND', name: 'Kriminalomsorgen Nordland' },
  { code: 'U-TROMS-FINNMARK', name: 'Kriminalomsorgen Troms og Finnmark' },
];

/** The counties as they were before 2020, which decide both the old region and the new unit. */
export type County =
  | 'oslo'
  | 'akershus'
  | 'ostfold'
  | 'hedmark'
  | 'oppland'
  | 'buskerud'
  | 'vestfold'
  | 'telemark'
  | 'agder'
  | 'rogaland'
  | 'hordaland'
  | 'sogn'
  | 'more'
  | 'trondelag'
  | 'nordland'
  | 'troms'
  | 'finnmark';

export const COUNTY_ORG: Record<County, { region: string; unit: string }> = {
  oslo: { region: 'R-OST', unit: 'U-OSLO' },
  akershus: { region: 'R-OST', unit: 'U-OST' },
  ostfold: { region: 'R-OST', unit: 'U-OST' },
  hedmark: { region: 'R-OST', unit: 'U-INNLANDET' },
  oppland: { region: 'R-OST', unit: 'U-INNLANDET' },
  buskerud: { region: 'R-SOR', unit: 'U-BUSKERUD' },
  vestfold: { region: 'R-SOR', unit: 'U-VESTFOLD-TELEMARK' },
  telemark: { region: 'R-SOR', unit: 'U-VESTFOLD-TELEMARK' },
  agder: { region: 'R-SORVEST', unit: 'U-AGDER' },
  rogaland: { region: 'R-SORVEST', unit: 'U-SORVEST' },
  hordaland: { region: 'R-VEST', unit: 'U-VEST' },
  sogn: { region: 'R-VEST', unit: 'U-VEST' },
  more: { region: 'R-VEST', unit: 'U-MORE-ROMSDAL' },
  trondelag: { region: 'R-NORD', unit: 'U-MIDT' },
  nordland: { region: 'R-NORD', unit: 'U-NORDLAND' },
  troms: { region: 'R-NORD', unit: 'U-TROMS-FINNMARK' },
  finnmark: { region: 'R-NORD', unit: 'U-TROMS-FINNMARK' },
};

/** Share of the country's convicted people who live in each unit's area (rough, by population). */
export const UNIT_POPULATION: Record<string, number> = {
  'U-OSLO': 0.17,
  'U-OST': 0.17,
  'U-INNLANDET': 0.07,
  'U-BUSKERUD': 0.05,
  'U-VESTFOLD-TELEMARK': 0.08,
  'U-AGDER': 0.06,
  'U-SORVEST': 0.1,
  'U-VEST': 0.11,
  'U-MORE-ROMSDAL': 0.05,
  'U-MIDT': 0.07,
  'U-NORDLAND': 0.04,
  'U-TROMS-FINNMARK': 0.05,
};

export interface FacilitySpec {
  code: string;
  name: string;
  municipality: string;
  county: County;
  kind: FacilityKind;
  /** Beds at scale 1; for a probation office, its relative caseload. */
  capacity: number;
  /** Women only. */
  women?: boolean;
  /** Has a women's department. */
  womenDepartment?: boolean;
  /** Has a youth unit (under 18). */
  youthUnit?: boolean;
  /** Relative share of remand prisoners among its inmates (high security only). */
  remand?: number;
  /** Share of its inmates serving preventive detention. */
  preventive?: number;
}

const high = 'prison_high' as const;
const lower = 'prison_lower' as const;

export const PRISONS: readonly FacilitySpec[] = [
  // Oslo
  {
    code: 'OSL',
    name: 'Oslo fengsel',
    municipality: 'Oslo',
    county: 'oslo',
    kind: high,
    capacity: 250,
    remand: 2.6,
  },
  {
    code: 'BRE',
    name: 'Bredtveit fengsel og forvaringsanstalt',
    municipality: 'Oslo',
    county: 'oslo',
    kind: high,
    capacity: 56,
    women: true,
    remand: 1,
    preventive: 0.12,
  },
  // Akershus
  {
    code: 'ILA',
    name: 'Ila fengsel og forvaringsanstalt',
    municipality: 'Bærum',
    county: 'akershus',
    kind: high,
    capacity: 200,
    remand: 0.2,
    preventive: 0.42,
  },
  {
    code: 'ULL',
    name: 'Ullersmo fengsel',
    municipality: 'Ullensaker',
    county: 'akershus',
    kind: high,
    capacity: 200,
  },
  {
    code: 'KRO',
    name: 'Kroksrud fengsel',
    municipality: 'Nes',
    county: 'akershus',
    kind: lower,
    capacity: 50,
  },
  // Østfold
  {
    code: 'HAL',
    name: 'Halden fengsel',
    municipality: 'Halden',
    county: 'ostfold',
    kind: high,
    capacity: 210,
    remand: 0.5,
  },
  {
    code: 'TRG',
    name: 'Indre Østfold fengsel, avdeling Trøgstad',
    municipality: 'Indre Østfold',
    county: 'ostfold',
    kind: high,
    capacity: 85,
  },
  {
    code: 'EID',
    name: 'Indre Østfold fengsel, avdeling Eidsberg',
    municipality: 'Indre Østfold',
    county: 'ostfold',
    kind: lower,
    capacity: 45,
    youthUnit: true,
  },
  {
    code: 'SAR',
    name: 'Sarpsborg fengsel',
    municipality: 'Sarpsborg',
    county: 'ostfold',
    kind: high,
    capacity: 36,
    women: true,
    remand: 1,
  },
  {
    code: 'FRE',
    name: 'Fredrikstad fengsel',
    municipality: 'Fredrikstad',
    county: 'ostfold',
    kind: high,
    capacity: 30,
    remand: 1.5,
  },
  {
    code: 'MOS',
    name: 'Moss fengsel',
    municipality: 'Moss',
    county: 'ostfold',
    kind: high,
    capacity: 25,
    remand: 1.5,
  },
  // Hedmark
  {
    code: 'KON',
    name: 'Kongsvinger fengsel',
    municipality: 'Kongsvinger',
    county: 'hedmark',
    kind: high,
    capacity: 85,
  },
  {
    code: 'VAR',
    name: 'Kongsvinger fengsel, avdeling Vardåsen',
    municipality: 'Kongsvinger',
    county: 'hedmark',
    kind: lower,
    capacity: 25,
    women: true,
  },
  {
    code: 'HAM',
    name: 'Hamar fengsel',
    municipality: 'Hamar',
    county: 'hedmark',
    kind: high,
    capacity: 35,
    remand: 1.5,
  },
  {
    code: 'SAN',
    name: 'Hamar fengsel, avdeling Sanderud',
    municipality: 'Stange',
    county: 'hedmark',
    kind: lower,
    capacity: 30,
  },
  {
    code: 'ILS',
    name: 'Ilseng fengsel',
    municipality: 'Hamar',
    county: 'hedmark',
    kind: lower,
    capacity: 70,
  },
  // Oppland
  {
    code: 'GJO',
    name: 'Gjøvik fengsel',
    municipality: 'Gjøvik',
    county: 'oppland',
    kind: high,
    capacity: 25,
    remand: 1.5,
  },
  {
    code: 'LIL',
    name: 'Lillehammer fengsel',
    municipality: 'Lillehammer',
    county: 'oppland',
    kind: high,
    capacity: 25,
    remand: 1.5,
  },
  {
    code: 'VAL',
    name: 'Valdres fengsel',
    municipality: 'Nord-Aurdal',
    county: 'oppland',
    kind: lower,
    capacity: 25,
  },
  // Buskerud
  {
    code: 'RIN',
    name: 'Ringerike fengsel',
    municipality: 'Ringerike',
    county: 'buskerud',
    kind: high,
    capacity: 130,
  },
  {
    code: 'DRA',
    name: 'Drammen fengsel',
    municipality: 'Drammen',
    county: 'buskerud',
    kind: high,
    capacity: 50,
    remand: 1.8,
  },
  {
    code: 'HAS',
    name: 'Hassel fengsel',
    municipality: 'Øvre Eiker',
    county: 'buskerud',
    kind: lower,
    capacity: 25,
  },
  {
    code: 'KBG',
    name: 'Kongsberg fengsel',
    municipality: 'Kongsberg',
    county: 'buskerud',
    kind: lower,
    capacity: 70,
  },
  // Vestfold
  {
    code: 'BAS',
    name: 'Bastøy fengsel',
    municipality: 'Horten',
    county: 'vestfold',
    kind: lower,
    capacity: 115,
  },
  {
    code: 'LAR',
    name: 'Larvik fengsel',
    municipality: 'Larvik',
    county: 'vestfold',
    kind: high,
    capacity: 45,
    remand: 1,
  },
  {
    code: 'BRG',
    name: 'Berg fengsel',
    municipality: 'Tønsberg',
    county: 'vestfold',
    kind: lower,
    capacity: 70,
  },
  {
    code: 'TON',
    name: 'Tønsberg fengsel',
    municipality: 'Tønsberg',
    county: 'vestfold',
    kind: high,
    capacity: 25,
    remand: 1.5,
  },
  // Telemark
  {
    code: 'SKI',
    name: 'Skien fengsel',
    municipality: 'Skien',
    county: 'telemark',
    kind: high,
    capacity: 110,
    womenDepartment: true,
    remand: 0.8,
  },
  {
    code: 'KRA',
    name: 'Kragerø fengsel',
    municipality: 'Kragerø',
    county: 'telemark',
    kind: lower,
    capacity: 25,
  },
  // Agder
  {
    code: 'FRO',
    name: 'Agder fengsel, avdeling Froland',
    municipality: 'Froland',
    county: 'agder',
    kind: high,
    capacity: 160,
    remand: 0.5,
  },
  {
    code: 'MAN',
    name: 'Agder fengsel, avdeling Mandal',
    municipality: 'Lindesnes',
    county: 'agder',
    kind: lower,
    capacity: 40,
  },
  {
    code: 'KRS',
    name: 'Kristiansand fengsel',
    municipality: 'Kristiansand',
    county: 'agder',
    kind: high,
    capacity: 60,
    remand: 1.8,
  },
  {
    code: 'ARE',
    name: 'Arendal fengsel',
    municipality: 'Arendal',
    county: 'agder',
    kind: high,
    capacity: 30,
    remand: 1.5,
  },
  {
    code: 'EVJ',
    name: 'Arendal fengsel, avdeling Evje',
    municipality: 'Evje og Hornnes',
    county: 'agder',
    kind: lower,
    capacity: 25,
  },
  // Rogaland
  {
    code: 'STA',
    name: 'Stavanger fengsel',
    municipality: 'Stavanger',
    county: 'rogaland',
    kind: high,
    capacity: 85,
    remand: 2,
  },
  { code: 'ANA', name: 'Åna fengsel', municipality: 'Hå', county: 'rogaland', kind: high, capacity: 120 },
  {
    code: 'SDE',
    name: 'Sandeid fengsel',
    municipality: 'Vindafjord',
    county: 'rogaland',
    kind: lower,
    capacity: 50,
  },
  {
    code: 'HAU',
    name: 'Haugesund fengsel',
    municipality: 'Haugesund',
    county: 'rogaland',
    kind: high,
    capacity: 35,
    remand: 1.5,
  },
  // Hordaland and Sogn og Fjordane
  {
    code: 'BGO',
    name: 'Bergen fengsel',
    municipality: 'Bergen',
    county: 'hordaland',
    kind: high,
    capacity: 170,
    womenDepartment: true,
    remand: 1.6,
  },
  {
    code: 'BJO',
    name: 'Bjørgvin fengsel',
    municipality: 'Bergen',
    county: 'hordaland',
    kind: lower,
    capacity: 70,
    youthUnit: true,
  },
  {
    code: 'FOR',
    name: 'Førde fengsel',
    municipality: 'Sunnfjord',
    county: 'sogn',
    kind: high,
    capacity: 20,
    remand: 1.2,
  },
  { code: 'VIK', name: 'Vik fengsel', municipality: 'Vik', county: 'sogn', kind: high, capacity: 25 },
  // Møre og Romsdal
  {
    code: 'ALE',
    name: 'Ålesund fengsel',
    municipality: 'Ålesund',
    county: 'more',
    kind: high,
    capacity: 40,
    remand: 1.5,
  },
  {
    code: 'KSU',
    name: 'Kristiansund fengsel',
    municipality: 'Kristiansund',
    county: 'more',
    kind: high,
    capacity: 25,
    remand: 1.2,
  },
  {
    code: 'HUS',
    name: 'Hustad fengsel',
    municipality: 'Hustadvika',
    county: 'more',
    kind: lower,
    capacity: 40,
  },
  // Trøndelag
  {
    code: 'TRD',
    name: 'Trondheim fengsel',
    municipality: 'Trondheim',
    county: 'trondelag',
    kind: high,
    capacity: 150,
    womenDepartment: true,
    remand: 1.4,
  },
  {
    code: 'LEI',
    name: 'Trondheim fengsel, avdeling Leira',
    municipality: 'Trondheim',
    county: 'trondelag',
    kind: lower,
    capacity: 40,
  },
  {
    code: 'VER',
    name: 'Verdal fengsel',
    municipality: 'Verdal',
    county: 'trondelag',
    kind: lower,
    capacity: 35,
  },
  // Nordland
  {
    code: 'BOD',
    name: 'Bodø fengsel',
    municipality: 'Bodø',
    county: 'nordland',
    kind: high,
    capacity: 55,
    remand: 1.3,
  },
  {
    code: 'MSJ',
    name: 'Mosjøen fengsel',
    municipality: 'Vefsn',
    county: 'nordland',
    kind: high,
    capacity: 20,
    remand: 1,
  },
  {
    code: 'MOR',
    name: 'Mo i Rana fengsel',
    municipality: 'Rana',
    county: 'nordland',
    kind: high,
    capacity: 20,
    remand: 1,
  },
  {
    code: 'FAU',
    name: 'Fauske fengsel',
    municipality: 'Fauske',
    county: 'nordland',
    kind: lower,
    capacity: 25,
  },
  {
    code: 'LOF',
    name: 'Lofoten fengsel',
    municipality: 'Vågan',
    county: 'nordland',
    kind: lower,
    capacity: 20,
  },
  {
    code: 'NAR',
    name: 'Narvik fengsel',
    municipality: 'Narvik',
    county: 'nordland',
    kind: high,
    capacity: 20,
    remand: 1.2,
  },
  // Troms og Finnmark
  {
    code: 'TOS',
    name: 'Tromsø fengsel',
    municipality: 'Tromsø',
    county: 'troms',
    kind: high,
    capacity: 65,
    womenDepartment: true,
    remand: 1.5,
  },
  {
    code: 'HAR',
    name: 'Harstad fengsel',
    municipality: 'Harstad',
    county: 'troms',
    kind: high,
    capacity: 20,
    remand: 1.2,
  },
  {
    code: 'VAD',
    name: 'Vadsø fengsel',
    municipality: 'Vadsø',
    county: 'finnmark',
    kind: high,
    capacity: 20,
    remand: 1.2,
  },
  {
    code: 'HFT',
    name: 'Hammerfest fengsel',
    municipality: 'Hammerfest',
    county: 'finnmark',
    kind: high,
    capacity: 20,
    remand: 1.2,
  },
];

const halfway = 'halfway_house' as const;

export const HALFWAY_HOUSES: readonly FacilitySpec[] = [
  {
    code: 'OB-SANDAKER',
    name: 'Sandaker overgangsbolig',
    municipality: 'Oslo',
    county: 'oslo',
    kind: halfway,
    capacity: 24,
  },
  {
    code: 'OB-BERGEN',
    name: 'Bergen overgangsbolig',
    municipality: 'Bergen',
    county: 'hordaland',
    kind: halfway,
    capacity: 18,
  },
  {
    code: 'OB-TRONDHEIM',
    name: 'Trondheim overgangsbolig',
    municipality: 'Trondheim',
    county: 'trondelag',
    kind: halfway,
    capacity: 16,
  },
  {
    code: 'OB-STAVANGER',
    name: 'Stavanger overgangsbolig',
    municipality: 'Stavanger',
    county: 'rogaland',
    kind: halfway,
    capacity: 16,
  },
  {
    code: 'OB-KRISTIANSAND',
    name: 'Kristiansand overgangsbolig',
    municipality: 'Kristiansand',
    county: 'agder',
    kind: halfway,
    capacity: 14,
  },
  {
    code: 'OB-TROMSO',
    name: 'Tromsø overgangsbolig',
    municipality: 'Tromsø',
    county: 'troms',
    kind: halfway,
    capacity: 12,
  },
];

const probation = 'probation_office' as const;

function office(
  code: string,
  name: string,
  municipality: string,
  county: County,
  caseload: number,
): FacilitySpec {
  return {
    code: `FOK-${code}`,
    name: `${name} friomsorgskontor`,
    municipality,
    county,
    kind: probation,
    capacity: caseload,
  };
}

export const PROBATION_OFFICES: readonly FacilitySpec[] = [
  office('OSLO', 'Oslo', 'Oslo', 'oslo', 16),
  office('ROMERIKE', 'Romerike', 'Lillestrøm', 'akershus', 6),
  office('FOLLO', 'Follo', 'Nordre Follo', 'akershus', 4),
  office('ASKER-BAERUM', 'Asker og Bærum', 'Bærum', 'akershus', 4),
  office('OSTFOLD', 'Østfold', 'Sarpsborg', 'ostfold', 7),
  office('HEDMARK', 'Hedmark', 'Hamar', 'hedmark', 4),
  office('OPPLAND', 'Oppland', 'Gjøvik', 'oppland', 3),
  office('KONGSVINGER', 'Kongsvinger', 'Kongsvinger', 'hedmark', 1),
  office('BUSKERUD', 'Buskerud', 'Drammen', 'buskerud', 4),
  office('RINGERIKE', 'Ringerike', 'Ringerike', 'buskerud', 1),
  office('VESTFOLD', 'Vestfold', 'Tønsberg', 'vestfold', 4),
  office('TELEMARK', 'Telemark', 'Skien', 'telemark', 3),
  office('VEST-AGDER', 'Vest-Agder', 'Kristiansand', 'agder', 3),
  office('AUST-AGDER', 'Aust-Agder', 'Arendal', 'agder', 2),
  office('SOR-ROGALAND', 'Sør-Rogaland', 'Stavanger', 'rogaland', 6),
  office('NORD-ROGALAND', 'Nord-Rogaland', 'Haugesund', 'rogaland', 2),
  office('DALANE', 'Dalane', 'Eigersund', 'rogaland', 1),
  office('HORDALAND', 'Hordaland', 'Bergen', 'hordaland', 7),
  office('SUNNHORDLAND', 'Sunnhordland', 'Stord', 'hordaland', 1),
  office('SOGN-FJORDANE', 'Sogn og Fjordane', 'Sunnfjord', 'sogn', 1),
  office('SUNNMORE', 'Sunnmøre', 'Ålesund', 'more', 2),
  office('ROMSDAL', 'Romsdal', 'Molde', 'more', 1),
  office('NORDMORE', 'Nordmøre', 'Kristiansund', 'more', 1),
  office('TRONDHEIM', 'Trondheim', 'Trondheim', 'trondelag', 5),
  office('NORD-TRONDELAG', 'Nord-Trøndelag', 'Steinkjer', 'trondelag', 2),
  office('ORKDAL', 'Orkdal', 'Orkland', 'trondelag', 1),
  office('SALTEN', 'Salten', 'Bodø', 'nordland', 2),
  office('HELGELAND', 'Helgeland', 'Rana', 'nordland', 1),
  office('OFOTEN', 'Ofoten', 'Narvik', 'nordland', 1),
  office('LOFOTEN-VESTERALEN', 'Lofoten og Vesterålen', 'Sortland', 'nordland', 1),
  office('TROMS', 'Troms', 'Tromsø', 'troms', 3),
  office('SOR-TROMS', 'Sør-Troms', 'Harstad', 'troms', 1),
  office('VEST-FINNMARK', 'Vest-Finnmark', 'Alta', 'finnmark', 1),
  office('OST-FINNMARK', 'Øst-Finnmark', 'Vadsø', 'finnmark', 1),
];
