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
  measure_to_before_from: {
    nb: 'Gyldig til må være samme dag som eller etter gyldig fra.',
    en: 'Valid to must be on or after valid from.',
  },
  measure_review_outside: {
    nb: 'Vurderingsdatoen må ligge innenfor gyldighetsperioden.',
    en: 'The review date must lie within the period of validity.',
  },
  measure_level_required: { nb: 'Velg et nivå for dette tiltaket.', en: 'Choose a level for this measure.' },
  measure_level_invalid: {
    nb: 'Nivået passer ikke til dette tiltaket.',
    en: 'The level does not fit this measure.',
  },
  measure_scope_missing: {
    nb: 'Velg en enhet eller et fengsel som finnes.',
    en: 'Choose a unit or facility that exists.',
  },
  measure_ended: {
    nb: 'Tiltaket er allerede avsluttet eller utløpt.',
    en: 'The measure has already ended or expired.',
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
  field_greater_than: { nb: 'Må være større enn {minimum}.', en: 'Must be greater than {minimum}.' },
  field_too_long: { nb: 'Kan være høyst {maximum}.', en: 'Must be at most {maximum}.' },
  field_date: { nb: 'Må være en dato (ÅÅÅÅ-MM-DD).', en: 'Must be a date (YYYY-MM-DD).' },
  field_uuid: { nb: 'Må være en gyldig id.', en: 'Must be a valid id.' },
  field_format: { nb: 'Har feil format.', en: 'Has the wrong format.' },
  field_enum: { nb: 'Må være en av: {options}.', en: 'Must be one of: {options}.' },
  field_unknown: { nb: 'Ukjent felt.', en: 'Unknown field.' },
  field_too_few: { nb: 'Må ha minst {minimum} element.', en: 'Must have at least {minimum} items.' },
  field_too_many: { nb: 'Kan ha høyst {maximum} element.', en: 'Must have at most {maximum} items.' },
  field_one_of: {
    nb: 'Må oppfylle nøyaktig ett av alternativene i kontrakten.',
    en: "Must match exactly one of the contract's alternatives.",
  },
  // Messages from the justice sector (ESAS): why a message was refused, and what was noted.
  esas_json: { nb: 'Meldingen er ikke gyldig JSON.', en: 'The message is not valid JSON.' },
  esas_not_object: { nb: 'Meldingen må være et JSON-objekt.', en: 'The message must be a JSON object.' },
  esas_jws_format: {
    nb: 'Meldingen er ikke en gyldig kompakt JWS.',
    en: 'The message is not a valid compact JWS.',
  },
  esas_jws_kid_missing: {
    nb: 'JWS-hodet mangler nøkkel-id (kid).',
    en: 'The JWS header has no key id (kid).',
  },
  esas_jws_alg: {
    nb: 'Signeringsalgoritmen {alg} er ikke tillatt.',
    en: 'The signing algorithm {alg} is not allowed.',
  },
  esas_jws_unknown_kid: {
    nb: 'Nøkkel-id (kid) «{kid}» er ikke kjent hos mottaker.',
    en: 'The key id (kid) "{kid}" is not known to the receiver.',
  },
  esas_jws_signature: {
    nb: 'Signaturen stemmer ikke med nøkkelen «{kid}».',
    en: 'The signature does not match the key "{kid}".',
  },
  esas_jws_no_keys: {
    nb: 'Mottaker har ingen nøkler å kontrollere signaturer med.',
    en: 'The receiver has no keys to verify signatures with.',
  },
  esas_schema_name: {
    nb: 'Ukjent meldingstype {name}; her tas bare imot {expected}.',
    en: 'Unknown message type {name}; only {expected} is received here.',
  },
  esas_version: {
    nb: 'Versjon {version} av {name} støttes ikke. Støttede versjoner: {supported}.',
    en: 'Version {version} of {name} is not supported. Supported versions: {supported}.',
  },
  esas_version_assumed: {
    nb: 'Meldingen oppga ikke SchemaVersion; versjon {version} er lagt til grunn.',
    en: 'The message did not state SchemaVersion; version {version} was assumed.',
  },
  esas_reaction_unknown: {
    nb: 'Ukjent reaksjonstype «{name}» i versjon {version}.',
    en: 'Unknown reaction type "{name}" in version {version}.',
  },
  esas_reaction_none: { nb: 'Avgjørelsen har ingen reaksjoner.', en: 'The decision states no reaction.' },
  esas_date_future: { nb: 'Datoen {date} er etter dagens dato.', en: 'The date {date} is after today.' },
  esas_date_order: {
    nb: 'Datoen {date} kan ikke være etter {laterField} ({later}).',
    en: 'The date {date} cannot be after {laterField} ({later}).',
  },
  esas_nin_type: {
    nb: 'Nummeret er ikke et gyldig {idType}.',
    en: 'The number is not a valid {idType}.',
  },
  esas_ssp_only: {
    nb: 'Domfelte har bare SSP-nummer; Varde trenger fødselsnummer eller D-nummer.',
    en: 'The convicted person has only an SSP number; Varde needs a national identity number or D-number.',
  },
  esas_case_exists: {
    nb: 'Saken {caseNumber} finnes allerede i Varde. En ny fullbyrdelsesordre for samme sak blir ikke lest inn.',
    en: 'Case {caseNumber} already exists in Varde. A new execution order for the same case is not imported.',
  },
  esas_community_hours: {
    nb: 'Samfunnsstraff må oppgis i timer, fra 30 til 420 (straffeloven § 49).',
    en: 'A community sentence must be given in hours, from 30 to 420 (Penal Code section 49).',
  },
  esas_conditional_exceeds: {
    nb: 'Den betingede delen er lengre enn straffen.',
    en: 'The conditional part is longer than the sentence.',
  },
  esas_length_missing: { nb: 'Lengden mangler.', en: 'The length is missing.' },
  esas_internal: {
    nb: 'Intern feil hos mottaker. Feilen er logget, og meldingen kan sendes på nytt.',
    en: 'Internal error at the receiver. The error has been logged, and the message can be sent again.',
  },
  esas_birth_date_differs: {
    nb: 'Fødselsdatoen {given} stemmer ikke med fødselsnummeret ({derived}); fødselsnummerets dato er brukt.',
    en: 'The date of birth {given} does not match the identity number ({derived}); the number’s date is used.',
  },
  esas_gender_differs: {
    nb: 'Kjønnet {given} stemmer ikke med fødselsnummeret; fødselsnummerets kjønn er brukt.',
    en: 'The gender {given} does not match the identity number; the number’s gender is used.',
  },
  esas_final_before_judgment: {
    nb: 'Rettskraftig fra {date} er før avsagt dato {judgmentDate}. Godtatt, fordi en rettet eller anket avgjørelse kan ha senere dato.',
    en: 'Final from {date} is before the judgment date {judgmentDate}. Accepted, because a corrected or appealed decision may carry a later date.',
  },
  esas_person_matched: {
    nb: 'Personen var registrert fra før og er knyttet til denne saken.',
    en: 'The person was already registered and is linked to this case.',
  },
  esas_facility_by_address: {
    nb: '{facility} har ansvaret: domfeltes poststed er {place}.',
    en: '{facility} is responsible: the convicted person’s post town is {place}.',
  },
  esas_facility_by_court: {
    nb: '{facility} har ansvaret: domstolen ligger i {place}.',
    en: '{facility} is responsible: the court sits in {place}.',
  },
  esas_facility_by_default: {
    nb: '{facility} har ansvaret som standardenhet: ingen enhet av riktig type ligger i domfeltes eller domstolens kommune.',
    en: '{facility} is responsible as the default: no facility of the right kind is in the convicted person’s or the court’s municipality.',
  },
  esas_facility_none: {
    nb: 'Varde har ingen åpen enhet av riktig type som kan ha ansvaret.',
    en: 'Varde has no open facility of the right kind to be responsible.',
  },
  esas_name_differs: {
    nb: 'Navnet i meldingen ({name}) er ikke det samme som i Varde; navnet i Varde er beholdt.',
    en: 'The name in the message ({name}) differs from the one in Varde; the name in Varde is kept.',
  },
  calculation_failed: {
    nb: 'Kan ikke beregne datoene: {reason}',
    en: 'The dates cannot be calculated: {reason}',
  },
  event_in_future: {
    nb: 'Hendelsen kan ikke ligge fram i tid.',
    en: 'The event cannot lie in the future.',
  },
  period_end_before_start: {
    nb: 'Perioden må slutte etter at den begynner.',
    en: 'The period must end after it begins.',
  },
  infection_date_future: {
    nb: 'Datoen kan ikke ligge fram i tid.',
    en: 'The date cannot lie in the future.',
  },
  infection_csv_empty: {
    nb: 'Filen er tom. Første linje må være overskriften kommune,dato,insidens_14d.',
    en: 'The file is empty. The first line must be the header kommune,dato,insidens_14d.',
  },
  infection_csv_header: {
    nb: 'Linje 1: overskriften må være kommune,dato,insidens_14d (fant «{found}»).',
    en: 'Line 1: the header must be kommune,dato,insidens_14d (found “{found}”).',
  },
  infection_csv_columns: {
    nb: 'Linje {line}: raden må ha 3 felt (kommune, dato, insidens_14d), men har {count}.',
    en: 'Line {line}: the row must have 3 fields (kommune, dato, insidens_14d) but has {count}.',
  },
  infection_csv_municipality: {
    nb: 'Linje {line}, felt {field}: kommunenavnet mangler eller er for langt.',
    en: 'Line {line}, field {field}: the municipality name is missing or too long.',
  },
  infection_csv_date: {
    nb: 'Linje {line}, felt {field}: datoen må være en gyldig dato på formen ÅÅÅÅ-MM-DD, ikke fram i tid.',
    en: 'Line {line}, field {field}: the date must be a valid date as YYYY-MM-DD, not in the future.',
  },
  infection_csv_incidence: {
    nb: 'Linje {line}, felt {field}: insidensen må være et tall fra 0 og oppover (desimalkomma eller -punktum).',
    en: 'Line {line}, field {field}: the incidence must be a number of 0 or more (decimal comma or point).',
  },
  infection_csv_duplicate: {
    nb: 'Linje {line}: samme kommune og dato står også på linje {first}.',
    en: 'Line {line}: the same municipality and date are also on line {first}.',
  },
  infection_csv_too_many: {
    nb: 'Filen har for mange rader (høyst {max}).',
    en: 'The file has too many rows (at most {max}).',
  },
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
  message: { nb: 'meldingen', en: 'The message' },
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
