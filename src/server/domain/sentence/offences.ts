// Offence groups that change what execution forms are open. The groups are those named by the
// permanent EM exclusions (forskrift om straffegjennomføring § 7-2 fjerde ledd) and by the crisis
// rule on transfer to EM after 1/3 (SGL § 45 a første ledd bokstav f, earlier the temporary § 45 d).

export type OffenceGroup =
  /** Straffeloven kapittel 18 (§§ 131–144): terrorhandlinger og terrorrelaterte handlinger. */
  | 'terror'
  /** Straffeloven kapittel 26 (§§ 291–320): seksuallovbrudd. */
  | 'sexual'
  /** Straffeloven § 275: drap. */
  | 'murder'
  /** Straffeloven §§ 282–283: mishandling i nære relasjoner. */
  | 'domestic_violence'
  /** Straffeloven §§ 274, 277, 279, 281, 284–286, 288: the other violence barred from EM by FOR § 7-2. */
  | 'serious_violence'
  /** §§ 271–273, 278, 280, 287 against a child or someone the offender lives or lived with, or a repeat. */
  | 'violence_close_relation'
  | 'other';

export const OFFENCE_GROUP_LABELS: Record<OffenceGroup, { nb: string; en: string }> = {
  terror: { nb: 'terrorhandlinger (straffeloven kapittel 18)', en: 'terrorism (Penal Code chapter 18)' },
  sexual: { nb: 'seksuallovbrudd (straffeloven kapittel 26)', en: 'sexual offences (Penal Code chapter 26)' },
  murder: { nb: 'drap (straffeloven § 275)', en: 'murder (Penal Code § 275)' },
  domestic_violence: {
    nb: 'mishandling i nære relasjoner (straffeloven §§ 282–283)',
    en: 'domestic violence (Penal Code §§ 282–283)',
  },
  serious_violence: {
    nb: 'grov vold (straffeloven §§ 274, 277, 279, 281, 284–286, 288)',
    en: 'serious violence (Penal Code §§ 274, 277, 279, 281, 284–286, 288)',
  },
  violence_close_relation: {
    nb: 'vold mot barn eller samboende, eller gjentatt vold (straffeloven §§ 271–273, 278, 280, 287)',
    en: 'violence against a child or a housemate, or repeated violence (Penal Code §§ 271–273, 278, 280, 287)',
  },
  other: { nb: 'andre lovbrudd', en: 'other offences' },
};

const SERIOUS_VIOLENCE = new Set([274, 277, 279, 281, 284, 285, 286, 288]);

/** The group of one section of straffeloven 2005; close-relation violence needs facts beyond the section. */
export function offenceGroupForSection(section: number): OffenceGroup {
  if (section >= 131 && section <= 144) return 'terror';
  if (section >= 291 && section <= 320) return 'sexual';
  if (section === 275) return 'murder';
  if (section === 282 || section === 283) return 'domestic_violence';
  if (SERIOUS_VIOLENCE.has(section)) return 'serious_violence';
  return 'other';
}

export function offenceGroupsForSections(sections: readonly number[]): OffenceGroup[] {
  return [...new Set(sections.map(offenceGroupForSection))];
}
