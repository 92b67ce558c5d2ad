// Every rule the engine applies, with a stable id and the legal reference shown to users. An id
// never changes meaning; a new rule gets a new id.

export const RULES = {
  'term.combined': 'forskrift om straffegjennomføring § 3-2 første ledd',
  'term.end': 'forskrift om straffegjennomføring § 3-2 første ledd',
  'term.served_by_remand': 'straffeloven § 83; forskrift om straffegjennomføring § 4-4 tredje ledd',
  'remand.credit': 'straffeloven § 83 annet ledd',
  'remand.placement': 'forskrift om straffegjennomføring § 4-1 første ledd',
  'absence.not_counted': 'forskrift om straffegjennomføring § 3-3',

  'parole.two_thirds': 'straffegjennomføringsloven § 42 første ledd',
  'parole.sixty_days': 'straffegjennomføringsloven § 42 første ledd',
  'parole.fourteen_days_left': 'straffegjennomføringsloven § 42 første ledd annet punktum',
  'parole.fine_served_in_full': 'forskrift om straffegjennomføring § 3-2 tredje ledd',
  'parole.reached_in_remand':
    'straffegjennomføringsloven § 42 første ledd; forskrift om straffegjennomføring § 4-4 tredje ledd',
  'parole.half': 'straffegjennomføringsloven § 42 tredje ledd',
  'parole.half_sixty_days': 'straffegjennomføringsloven § 42 tredje ledd',
  'parole.preventive_minimum': 'straffeloven § 44 første ledd',
  'parole.preventive_no_minimum': 'straffeloven § 44 første og fjerde ledd',

  'leave.four_months': 'forskrift om straffegjennomføring § 3-30 femte ledd første punktum',
  'leave.one_third': 'forskrift om straffegjennomføring § 3-30 femte ledd annet punktum',
  'leave.long_term': 'forskrift om straffegjennomføring § 3-30 femte ledd tredje punktum',
  'leave.preventive': 'forskrift om gjennomføring av forvaring; forskrift om straffegjennomføring § 3-30',
  'leave.after_term': 'forskrift om straffegjennomføring § 3-30 femte ledd',
  'leave.quota': 'forskrift om straffegjennomføring § 3-30 annet ledd',
  'leave.quota_extended': 'forskrift om straffegjennomføring § 3-30 annet ledd annet punktum',

  'day_release.four_months':
    'straffegjennomføringsloven § 20; forskrift om straffegjennomføring § 3-14 første ledd',
  'day_release.one_third':
    'straffegjennomføringsloven § 20; forskrift om straffegjennomføring § 3-14 første ledd',
  'day_release.after_term': 'forskrift om straffegjennomføring § 3-14 første ledd',

  'em.front_end':
    'straffegjennomføringsloven § 16 a første ledd; forskrift om straffegjennomføring § 7-2 første ledd',
  'em.front_end_over_limit': 'straffegjennomføringsloven § 16 a første ledd',
  'em.back_end_remaining':
    'straffegjennomføringsloven § 16 a første ledd; forskrift om straffegjennomføring § 7-2 annet ledd',
  'em.back_end_one_third': 'forskrift om straffegjennomføring § 7-2 annet ledd annet punktum',
  'em.back_end_after_release': 'straffegjennomføringsloven § 16 a første ledd',
  'em.under_18': 'straffegjennomføringsloven § 16 a annet ledd',
  'em.offence_excluded': 'forskrift om straffegjennomføring § 7-2 fjerde ledd',
  'em.preventive': 'straffegjennomføringsloven § 16 a første ledd',

  'outside_prison.half': 'straffegjennomføringsloven § 16 første ledd',

  'placement.direct_lower_security': 'straffegjennomføringsloven § 11 fjerde ledd',
  'placement.direct_lower_security_over_limit': 'straffegjennomføringsloven § 11 fjerde ledd',
  'placement.direct_halfway_house': 'straffegjennomføringsloven § 11 femte ledd',
  'placement.direct_halfway_house_over_limit': 'straffegjennomføringsloven § 11 femte ledd',
  'placement.under_18': 'straffegjennomføringsloven § 11 sjette ledd',
  'placement.lower_security_review': 'straffegjennomføringsloven § 15 annet ledd tredje punktum',
  'placement.halfway_house': 'straffegjennomføringsloven § 15 tredje ledd',

  'preventive.minimum_end': 'straffeloven §§ 43 annet ledd og 44 første ledd; straffeloven § 83 femte ledd',
  'preventive.no_minimum': 'straffeloven § 43 annet ledd',
  'preventive.frame_end': 'straffeloven § 43 første ledd; straffeloven § 83 femte ledd',

  'community.hours': 'straffeloven § 49 første ledd bokstav a; straffeloven § 83 syvende ledd',
  'community.substitute': 'straffeloven § 49 første ledd bokstav b; straffeloven § 83 syvende ledd',
  'community.period_end': 'straffeloven § 49 første ledd bokstav c; forskrift om straffegjennomføring § 5-1',
  'youth.substitute': 'straffeloven § 52 b første ledd bokstav b; straffeloven § 83 åttende ledd',
  'youth.period_end': 'straffeloven § 52 b første ledd bokstav a',
  'fine.service_hours':
    'straffegjennomføringsloven § 16 b; forskrift om straffegjennomføring § 8-2 annet ledd',
  'fine.service_not_in_force':
    'straffegjennomføringsloven § 16 b; forskrift om straffegjennomføring kapittel 8 (i kraft 7. juni 2018)',
  'fine.none_under_18': 'straffeloven § 55 tredje ledd',

  'crisis.early_release':
    'straffegjennomføringsloven § 42 fjerde ledd; KDI-rundskriv 16. mars 2020 (covid-19)',
  'crisis.early_release_off':
    'straffegjennomføringsloven § 42 fjerde ledd; KDI-rundskriv 16. mars 2020 (covid-19)',
  'crisis.not_determinate':
    'straffegjennomføringsloven §§ 42 fjerde ledd og 45 a første ledd bokstav f (fengselsstraff); forskrift om straffegjennomføring § 3-2 tredje ledd',
  'crisis.em_one_third':
    'straffegjennomføringsloven § 45 a første ledd bokstav f (tidligere midlertidig § 45 d)',
  'crisis.em_off': 'straffegjennomføringsloven § 45 a første ledd bokstav f (tidligere midlertidig § 45 d)',
  'crisis.em_excluded':
    'straffegjennomføringsloven § 45 a første ledd bokstav f (tidligere midlertidig § 45 d)',

  'validation.prison_minimum': 'straffeloven § 31 annet ledd',
  'validation.prison_under_18': 'straffeloven § 33',
  'validation.fine_substitute_range': 'straffeloven § 55 første ledd',
  'validation.community_hours': 'straffeloven § 49 første ledd bokstav a',
  'validation.preventive_frame': 'straffeloven § 43 første ledd',
  'validation.preventive_minimum': 'straffeloven § 43 annet ledd',
  'validation.preventive_with_prison': 'straffeloven § 42',
  'validation.youth_age': 'straffeloven § 52 a første ledd bokstav a',
  'validation.absence_ongoing': 'forskrift om straffegjennomføring § 3-3 annet ledd',
} as const;

export type RuleId = keyof typeof RULES;
