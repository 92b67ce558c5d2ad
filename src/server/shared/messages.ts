// Every message the API sends to a person, in bokmål and English, keyed by a stable code.
export type Locale = 'nb' | 'en';

const catalogue = {
  validation: { nb: 'Noen felt er ikke gyldige.', en: 'Some fields are not valid.' },
  unauthenticated: { nb: 'Du må logge inn.', en: 'You must sign in.' },
  bad_credentials: { nb: 'Feil brukernavn eller passord.', en: 'Wrong username or password.' },
  too_many_attempts: {
    nb: 'For mange innloggingsforsøk. Vent et minutt og prøv igjen.',
    en: 'Too many sign-in attempts. Wait a minute and try again.',
  },
  csrf: {
    nb: 'Forespørselen mangler gyldig CSRF-token. Last siden på nytt.',
    en: 'The request lacks a valid CSRF token. Reload the page.',
  },
  forbidden: { nb: 'Du har ikke tilgang til dette.', en: 'You do not have access to this.' },
  out_of_scope: {
    nb: 'Personen er utenfor ditt tilgangsområde.',
    en: 'This person is outside your scope of access.',
  },
  not_found: { nb: 'Fant ikke {what}.', en: '{what} was not found.' },
  route_not_found: { nb: 'Denne adressen finnes ikke.', en: 'This address does not exist.' },
  stale_version: {
    nb: 'Noen andre har endret dette i mellomtiden. Last inn på nytt og prøv igjen.',
    en: 'Someone else has changed this in the meantime. Reload and try again.',
  },
  bed_taken: {
    nb: 'Sengen er allerede i bruk. Velg en annen seng.',
    en: 'The bed is already occupied. Choose another bed.',
  },
  already_placed: {
    nb: 'Personen er allerede plassert. Avslutt plasseringen først.',
    en: 'The person is already placed. End the current placement first.',
  },
  not_in_queue: {
    nb: 'Dommen står ikke i soningskøen (status: {status}).',
    en: 'The sentence is not in the queue (status: {status}).',
  },
  summons_notice_too_short: {
    nb: 'Oppmøtedato må være minst 3 uker etter innkallingen ({earliest} eller senere).',
    en: 'The appearance date must be at least 3 weeks after the summons ({earliest} or later).',
  },
  postponement_in_past: {
    nb: 'Utsettelse må gjelde til en dato etter i dag.',
    en: 'A postponement must last until a date after today.',
  },
  facility_not_prison: {
    nb: 'Velg et fengsel eller en overgangsbolig.',
    en: 'Choose a prison or a halfway house.',
  },
  nin_format: {
    nb: 'Fødselsnummer må ha 11 sifre.',
    en: 'An identity number must have 11 digits.',
  },
  nin_date: {
    nb: 'De seks første sifrene er ikke en gyldig fødselsdato.',
    en: 'The first six digits are not a valid date of birth.',
  },
  nin_century: {
    nb: 'Individnummeret passer ikke med fødselsåret.',
    en: 'The individual number does not fit the year of birth.',
  },
  nin_check_digit_1: {
    nb: 'Første kontrollsiffer (siffer 10) stemmer ikke.',
    en: 'The first check digit (digit 10) is wrong.',
  },
  nin_check_digit_2: {
    nb: 'Andre kontrollsiffer (siffer 11) stemmer ikke.',
    en: 'The second check digit (digit 11) is wrong.',
  },
  nin_exists: {
    nb: 'En person med dette fødselsnummeret finnes allerede.',
    en: 'A person with this identity number already exists.',
  },
  field_required: { nb: 'Feltet må fylles ut.', en: 'This field is required.' },
  field_type: { nb: 'Feltet har feil type (forventet {expected}).', en: 'Wrong type (expected {expected}).' },
  field_too_short: { nb: 'Må være minst {minimum}.', en: 'Must be at least {minimum}.' },
  field_too_long: { nb: 'Kan være høyst {maximum}.', en: 'Must be at most {maximum}.' },
  field_date: { nb: 'Må være en dato (ÅÅÅÅ-MM-DD).', en: 'Must be a date (YYYY-MM-DD).' },
  field_uuid: { nb: 'Må være en gyldig id.', en: 'Must be a valid id.' },
  field_format: { nb: 'Har feil format.', en: 'Has the wrong format.' },
  field_enum: { nb: 'Må være en av: {options}.', en: 'Must be one of: {options}.' },
  field_unknown: { nb: 'Ukjent felt.', en: 'Unknown field.' },
  internal: {
    nb: 'Noe gikk galt hos oss. Feilen er logget.',
    en: 'Something went wrong on our side. The error has been logged.',
  },
  unavailable: { nb: 'Tjenesten er ikke klar.', en: 'The service is not ready.' },
} satisfies Record<string, Record<Locale, string>>;

export type MessageCode = keyof typeof catalogue;

const nouns: Record<string, Record<Locale, string>> = {
  person: { nb: 'personen', en: 'The person' },
  sentence: { nb: 'dommen', en: 'The sentence' },
  facility: { nb: 'enheten', en: 'The facility' },
  bed: { nb: 'sengen', en: 'The bed' },
};

export function message(
  code: MessageCode,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  const template = catalogue[code][locale];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) return `{${key}}`;
    if (key === 'what') return nouns[String(value)]?.[locale] ?? String(value);
    return String(value);
  });
}

export function isMessageCode(code: string): code is MessageCode {
  return code in catalogue;
}

/** The best locale for a request: an explicit Accept-Language first, then the user's own choice. */
export function pickLocale(acceptLanguage: string | undefined, fallback: Locale = 'nb'): Locale {
  if (acceptLanguage) {
    for (const part of acceptLanguage.split(',')) {
      const tag = part.trim().slice(0, 2).toLowerCase();
      if (tag === 'en') return 'en';
      if (tag === 'nb' || tag === 'no' || tag === 'nn') return 'nb';
    }
  }
  return fallback;
}
