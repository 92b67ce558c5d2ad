import type { OffenceGroup } from '../domain/sentence/offences.ts';
// District courts (tingretter) with the short codes used in Norwegian case numbers
// (YY-NNNNNNMED-XXXX/NN), and the offences of the demo judgments with plausible terms.

export interface Court {
  code: string;
  name: string;
  /** The unit whose area the court serves. */
  unit: string;
  weight: number;
}

export const COURTS: readonly Court[] = [
  { code: 'OTIR', name: 'Oslo tingrett', unit: 'U-OSLO', weight: 10 },
  { code: 'NERO', name: 'Nedre Romerike tingrett', unit: 'U-OST', weight: 3 },
  { code: 'ASBA', name: 'Asker og Bærum tingrett', unit: 'U-OST', weight: 2 },
  { code: 'FOTI', name: 'Follo tingrett', unit: 'U-OST', weight: 1.5 },
  { code: 'FRTI', name: 'Fredrikstad tingrett', unit: 'U-OST', weight: 2 },
  { code: 'SATI', name: 'Sarpsborg tingrett', unit: 'U-OST', weight: 1 },
  { code: 'HETI', name: 'Hedmarken tingrett', unit: 'U-INNLANDET', weight: 1.5 },
  { code: 'GJTI', name: 'Gjøvik tingrett', unit: 'U-INNLANDET', weight: 1 },
  { code: 'GUTI', name: 'Glåmdal tingrett', unit: 'U-INNLANDET', weight: 1 },
  { code: 'DRTI', name: 'Drammen tingrett', unit: 'U-BUSKERUD', weight: 2.5 },
  { code: 'RITI', name: 'Ringerike tingrett', unit: 'U-BUSKERUD', weight: 1 },
  { code: 'VETI', name: 'Vestfold tingrett', unit: 'U-VESTFOLD-TELEMARK', weight: 2.5 },
  { code: 'TETI', name: 'Telemark tingrett', unit: 'U-VESTFOLD-TELEMARK', weight: 2 },
  { code: 'KRTI', name: 'Kristiansand tingrett', unit: 'U-AGDER', weight: 2 },
  { code: 'AGTI', name: 'Aust-Agder tingrett', unit: 'U-AGDER', weight: 1 },
  { code: 'SRTI', name: 'Sør-Rogaland tingrett', unit: 'U-SORVEST', weight: 4 },
  { code: 'HATI', name: 'Haugaland tingrett', unit: 'U-SORVEST', weight: 1.5 },
  { code: 'BTIR', name: 'Bergen tingrett', unit: 'U-VEST', weight: 5 },
  { code: 'SFTI', name: 'Sogn og Fjordane tingrett', unit: 'U-VEST', weight: 1 },
  { code: 'SUTI', name: 'Sunnmøre tingrett', unit: 'U-MORE-ROMSDAL', weight: 1.5 },
  { code: 'NOTI', name: 'Nordmøre og Romsdal tingrett', unit: 'U-MORE-ROMSDAL', weight: 1 },
  { code: 'TRTI', name: 'Trøndelag tingrett', unit: 'U-MIDT', weight: 3.5 },
  { code: 'SLTI', name: 'Salten tingrett', unit: 'U-NORDLAND', weight: 1.5 },
  { code: 'HLTI', name: 'Hålogaland tingrett', unit: 'U-NORDLAND', weight: 1 },
  { code: 'NTTI', name: 'Nord-Troms tingrett', unit: 'U-TROMS-FINNMARK', weight: 1.5 },
  { code: 'OFTI', name: 'Øst-Finnmark tingrett', unit: 'U-TROMS-FINNMARK', weight: 0.5 },
  { code: 'VFTI', name: 'Vest-Finnmark tingrett', unit: 'U-TROMS-FINNMARK', weight: 0.5 },
];

export interface Offence {
  name: string;
  /** Relative frequency among prison sentences. */
  weight: number;
  /** Median term in days and the spread of its log-normal distribution. */
  median: number;
  sigma: number;
  /** Common among short sentences served on EM or as community sentences. */
  light?: boolean;
  /** May lead to preventive detention. */
  grave?: boolean;
}

export const OFFENCES: readonly Offence[] = [
  { name: 'Narkotikalovbrudd', weight: 26, median: 180, sigma: 1.15 },
  { name: 'Vold mot person', weight: 14, median: 120, sigma: 0.8, grave: true },
  { name: 'Tyveri', weight: 10, median: 60, sigma: 0.8, light: true },
  { name: 'Promillekjøring', weight: 10, median: 30, sigma: 0.45, light: true },
  { name: 'Økonomisk kriminalitet', weight: 5, median: 240, sigma: 0.9 },
  { name: 'Ran', weight: 4, median: 540, sigma: 0.55, grave: true },
  { name: 'Seksuallovbrudd', weight: 5, median: 900, sigma: 0.7, grave: true },
  { name: 'Drap', weight: 1.2, median: 4400, sigma: 0.3, grave: true },
  { name: 'Mishandling i nære relasjoner', weight: 5, median: 300, sigma: 0.6, grave: true },
  { name: 'Trusler', weight: 4, median: 75, sigma: 0.6, light: true },
  { name: 'Bedrageri', weight: 4, median: 120, sigma: 0.8, light: true },
  { name: 'Kjøring uten gyldig førerett', weight: 3, median: 24, sigma: 0.4, light: true },
  { name: 'Brudd på besøksforbud', weight: 2, median: 45, sigma: 0.5, light: true },
  { name: 'Ulovlig våpenbesittelse', weight: 2, median: 90, sigma: 0.6, light: true },
  { name: 'Grovt skadeverk', weight: 1.5, median: 75, sigma: 0.6, light: true },
  { name: 'Menneskehandel', weight: 0.3, median: 1500, sigma: 0.4 },
  { name: 'Brannstiftelse', weight: 0.5, median: 700, sigma: 0.6, grave: true },
];

/** Offences behind sentences where an unpaid fine is turned into prison days. */
export const FINE_OFFENCES: readonly string[] = [
  'Promillekjøring',
  'Kjøring uten gyldig førerett',
  'Tyveri',
  'Narkotikalovbrudd',
  'Grovt skadeverk',
  'Brudd på vegtrafikkloven',
];

// The offence groups that close execution forms (EM exclusions, the 2020 crisis rule), for the
// demo offences that fall in one; the others count as 'other'.
const OFFENCE_GROUPS: Record<string, OffenceGroup> = {
  Seksuallovbrudd: 'sexual',
  Drap: 'murder',
  'Mishandling i nære relasjoner': 'domestic_violence',
};

export function offenceGroupsOf(offence: string): OffenceGroup[] {
  return [OFFENCE_GROUPS[offence] ?? 'other'];
}
