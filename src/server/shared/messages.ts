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
  outbreak_stale: {
    nb: 'Noen andre har endret køen i mellomtiden for: {names}. Ingen er utsatt. Last listen på nytt og prøv igjen.',
    en: 'Someone else has changed the queue in the meantime for: {names}. Nobody was postponed. Reload the list and try again.',
  },
  outbreak_not_in_queue: {
    nb: '{name} står ikke lenger i soningskøen.',
    en: '{name} is no longer in the queue.',
  },
  outbreak_not_at_facility: {
    nb: '{name} skal ikke møte ved denne enheten.',
    en: '{name} is not due to start at this facility.',
  },
  outbreak_not_placed_here: {
    nb: 'Personen er ikke plassert ved denne enheten nå.',
    en: 'The person is not placed at this facility now.',
  },
  outbreak_duplicate: {
    nb: 'Samme person er valgt mer enn én gang.',
    en: 'The same person is chosen more than once.',
  },
  bed_taken: {
    nb: 'Sengen er allerede i bruk. Velg en annen seng.',
    en: 'The bed is already occupied. Choose another bed.',
  },
  already_placed: {
    nb: 'Personen er allerede plassert. Avslutt plasseringen først.',
    en: 'The person is already placed. End the current placement first.',
  },
  single_occupancy_cell_taken: {
    nb: 'Cellen har allerede en innsatt, og tiltaket om enerom gjelder: «Flersengsceller tas ut av bruk, slik at alle har enerom.» Velg en seng i en tom celle.',
    en: 'The cell already has an occupant, and single occupancy is in force: “Suspend the use of cells with more than one bed, in order to have single-occupancy only.” Choose a bed in an empty cell.',
  },
  transfer_infected: {
    nb: 'Overføringen er avvist fordi personen er {status}. Regelen: «Innsatte som er smittet, skal ikke overføres til et annet geografisk sted.» Flytting innenfor enheten er mulig.',
    en: 'The transfer is refused because the person is {status}. The rule: “Inmates who are infected shall not be transferred to another geographical location.” A move within the facility is possible.',
  },
  transfer_reason_required: {
    nb: 'Oppgi en begrunnelse. Tiltaket «Unngå overføring av innsatte mellom enheter så langt det er mulig» gjelder for enheten personen flyttes fra eller til.',
    en: 'State a reason. The measure “Avoid transfer of inmates between facilities, to the extent possible.” is in force at the sending or receiving facility.',
  },
  move_same_bed: {
    nb: 'Personen ligger allerede i denne sengen. Velg en annen seng.',
    en: 'The person is already in this bed. Choose another bed.',
  },
  move_date_future: {
    nb: 'Datoen for flyttingen kan ikke ligge fram i tid.',
    en: 'The date of the move cannot lie in the future.',
  },
  move_before_placement: {
    nb: 'Datoen for flyttingen kan ikke være før den nåværende plasseringen begynte ({date}).',
    en: 'The date of the move cannot be before the current placement began ({date}).',
  },
  not_placed: {
    nb: 'Personen har ingen plassering i celle å flytte fra.',
    en: 'The person has no placement in a cell to move from.',
  },
  cohort_stale: {
    nb: 'Forslaget til kohortering er ikke lenger gjeldende: noen er flyttet, en seng er tatt eller en smittestatus er endret. Ingen er flyttet. Last inn forslaget på nytt.',
    en: 'The cohorting proposal is out of date: someone has moved, a bed has been taken or a health status has changed. Nobody was moved. Reload the proposal.',
  },
  cohort_none: {
    nb: 'Ingen innsatte i {facility} er bekreftet smittet eller i isolasjon {date}. Det er ingen å samle.',
    en: 'No inmate in {facility} is a confirmed case or in isolation on {date}. There is nobody to gather.',
  },
  cohort_impossible: {
    nb: 'Ingen avdeling kan ta imot alle {infected} smittede med én i hver celle. Avdelingen med plass til flest, {department}, kan ta {holds}. Frigjør celler (for eksempel ved å flytte friske innsatte til en annen enhet) eller vurder andre tiltak.',
    en: 'No department can take all {infected} infected inmates one per cell. The department that can take the most, {department}, has room for {holds}. Free cells (for example by moving healthy inmates to another facility) or consider other measures.',
  },
  cohort_proposal: {
    nb: 'Samle {infected} smittede i {department}: {moves} flyttinger, {making} av dem for å gi plass.',
    en: 'Gather {infected} infected inmates in {department}: {moves} moves, {making} of them to make room.',
  },
  cohort_in_place: {
    nb: 'Alle {infected} smittede er allerede samlet i {department}, én i hver celle. Ingen flyttinger trengs.',
    en: 'All {infected} infected inmates are already gathered in {department}, one per cell. No moves are needed.',
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
  threshold_yellow_positive: {
    nb: 'Gul terskel må være større enn 0.',
    en: 'The yellow threshold must be greater than 0.',
  },
  threshold_red_above_yellow: {
    nb: 'Rød terskel må være høyere enn gul.',
    en: 'The red threshold must be higher than the yellow one.',
  },
  threshold_percent_range: {
    nb: 'Økningen må være mellom 1 og 500 prosent.',
    en: 'The rise must be between 1 and 500 per cent.',
  },
  threshold_days_range: {
    nb: 'Antall dager tilbake må være et helt tall fra 1 til 28.',
    en: 'The number of days back must be a whole number from 1 to 28.',
  },
  threshold_from_past: {
    nb: 'Nye terskler kan tidligst gjelde fra i dag; nivåene som er vist for tidligere dager, endres ikke.',
    en: 'New thresholds can apply from today at the earliest; the levels shown for earlier days do not change.',
  },
  threshold_from_not_after_latest: {
    nb: 'Det finnes allerede terskler som gjelder fra {date} eller senere. Velg en dato etter {date}.',
    en: 'Thresholds already apply from {date} or later. Choose a date after {date}.',
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
  health_to_before_from: {
    nb: 'Til-datoen må være samme dag som eller etter fra-datoen.',
    en: 'The to date must be on or after the from date.',
  },
  health_overlap: {
    nb: 'Personen har allerede samme helsestatus i en periode som overlapper denne.',
    en: 'The person already has the same health status in a period that overlaps this one.',
  },
  health_before_case: {
    nb: 'Karantenen kan ikke begynne før tilfellet den er sporet fra ({date}).',
    en: 'The quarantine cannot begin before the case it was traced from ({date}).',
  },
  health_traced_from_invalid: {
    nb: 'Bare karantene kan spores fra et tilfelle, og tilfellet må være mistenkt eller bekreftet.',
    en: 'Only a quarantine can be traced from a case, and the case must be suspected or confirmed.',
  },
  health_not_placed: {
    nb: 'Personen er ikke plassert i en celle på denne datoen.',
    en: 'The person is not placed in a cell on this date.',
  },
  health_status_ended: {
    nb: 'Helsestatusen er allerede avsluttet.',
    en: 'The health status has already ended.',
  },
  staff_number_taken: {
    nb: 'Ansattnummeret er allerede i bruk.',
    en: 'The staff number is already in use.',
  },
  department_not_in_facility: {
    nb: 'Avdelingen hører ikke til denne enheten.',
    en: 'The department does not belong to this facility.',
  },
  roster_taken: {
    nb: 'Den ansatte står allerede på vaktlisten for denne vakten.',
    en: 'The staff member is already on the roster for this shift.',
  },
  roster_other_department: {
    nb: 'Ansatte skal så langt det er mulig arbeide i bare én avdeling. {name} har vakt i en annen avdeling innen {days} dager.',
    en: 'Staff members shall to the extent possible work in only one unit/department. {name} has a shift in another department within {days} days.',
  },
  roster_other_location: {
    nb: 'Ansatte skal ikke arbeide på ulike geografiske steder. {name} har vakt ved en annen enhet innen {days} dager.',
    en: 'Staff members shall not work in different geographical locations. {name} has a shift at another facility within {days} days.',
  },
  roster_range_too_long: {
    nb: 'Perioden kan være høyst {max} dager, og til-datoen kan ikke ligge før fra-datoen.',
    en: 'The period can be at most {max} days, and the to date cannot lie before the from date.',
  },
  visitor_limit: {
    nb: 'En innsatt kan ha høyst 4 godkjente besøkende (nær familie teller som én). {used} av 4 er i bruk, og denne søknaden ville gitt {after}.',
    en: 'An inmate may have at most 4 approved visitors (close family counts as one). {used} of 4 are in use, and this application would make {after}.',
  },
  visitor_decided: {
    nb: 'Søknaden om besøkende er allerede avgjort.',
    en: 'The visitor application has already been decided.',
  },
  visitor_reason_required: {
    nb: 'Skriv en begrunnelse når søknaden avslås.',
    en: 'Write a reason when the application is refused.',
  },
  visitor_police_check_date: {
    nb: 'Oppgi datoen for politiattesten (ikke fram i tid).',
    en: 'Give the date of the police check (not in the future).',
  },
  visitor_birth_date_future: {
    nb: 'Fødselsdatoen kan ikke være fram i tid.',
    en: 'The date of birth cannot be in the future.',
  },
  visit_date_past: {
    nb: 'Datoen {date} er passert. Velg i dag eller en senere dag.',
    en: 'The date {date} has passed. Choose today or a later day.',
  },
  visit_slot_missing: {
    nb: 'Rommet har ingen besøkstid {date} kl. {start}.',
    en: 'The room has no visiting time on {date} at {start}.',
  },
  visit_room_missing: {
    nb: 'Besøksrommet finnes ikke eller er ikke i bruk.',
    en: 'The visiting room does not exist or is not in use.',
  },
  visit_room_wrong_facility: {
    nb: 'Besøksrommet hører til et annet fengsel enn det den innsatte er i.',
    en: 'The visiting room belongs to another prison than the one the inmate is in.',
  },
  visit_room_closed: {
    nb: 'Besøksrommet er stengt {date}: {reason}',
    en: 'The visiting room is closed on {date}: {reason}',
  },
  visit_visitors_required: {
    nb: 'Velg minst én godkjent besøkende.',
    en: 'Choose at least one approved visitor.',
  },
  visit_external_required: {
    nb: 'Skriv navnet på den som kommer (advokat, myndighet, presse).',
    en: 'Write the name of the person coming (lawyer, authority, press).',
  },
  visit_visitor_not_approved: {
    nb: '{name} er ikke godkjent som besøkende for denne innsatte.',
    en: '{name} is not approved as a visitor for this inmate.',
  },
  visit_restriction_no_visits: {
    nb: 'Den innsatte har besøksforbud fram til {until}: {reason}',
    en: 'The inmate may not receive visits until {until}: {reason}',
  },
  visit_restriction_glass_wall: {
    nb: 'Den innsatte kan bare ha besøk bak glassvegg (eller på video): {reason}',
    en: 'The inmate may only have visits behind a glass wall (or by video): {reason}',
  },
  visit_restriction_supervised: {
    nb: 'Den innsatte kan bare ha besøk med tilsyn (eller på video): {reason}',
    en: 'The inmate may only have supervised visits (or by video): {reason}',
  },
  visit_measure_stopped: {
    nb: 'Besøk er stanset ved fengselet etter tiltaket som gjelder. Videobesøk kan bestilles i stedet.',
    en: 'Visits are stopped at the prison by the measure in force. A video visit can be booked instead.',
  },
  visit_media_postponed: {
    nb: 'Besøk fra presse og politikere er utsatt etter tiltaket som gjelder. Den innsatte kan fortsatt snakke med media på telefon, brev eller video.',
    en: 'Visits from press and politicians are postponed by the measure in force. The inmate may still speak to the media by phone, letter or video.',
  },
  visit_slot_full: {
    nb: 'Besøkstiden er fullbooket. Velg en annen tid.',
    en: 'The visiting time is fully booked. Choose another time.',
  },
  visit_justification_required: {
    nb: 'Skriv en begrunnelse når avgjørelsen avviker fra anbefalingen eller besøket avslås.',
    en: 'Write a justification when the decision departs from the recommendation or the visit is refused.',
  },
  visit_decide_forbidden: {
    nb: 'Bare saksbehandlere som avgjør besøkssaker kan fravike anbefalingen.',
    en: 'Only case workers who decide visit cases may depart from the recommendation.',
  },
  visit_conditions_required: {
    nb: 'Velg minst ett vilkår for besøket.',
    en: 'Choose at least one condition for the visit.',
  },
  visit_condition_glass_room: {
    nb: 'Vilkåret glassvegg krever et besøksrom med glassvegg.',
    en: 'The glass wall condition requires a visiting room with a glass wall.',
  },
  visit_video_slot_required: {
    nb: 'Velg en ledig videotid når besøket skal skje på video.',
    en: 'Choose a free video time when the visit is to be held by video.',
  },
  visit_video_room_required: {
    nb: 'Den valgte tiden er ikke i et videorom.',
    en: 'The chosen time is not in a video room.',
  },
  visit_not_cancellable: {
    nb: 'Besøket kan ikke avlyses (status: {status}).',
    en: 'The visit cannot be cancelled (status: {status}).',
  },
  visit_time_order: {
    nb: 'Sluttid må være etter starttid.',
    en: 'The end time must be after the start time.',
  },
  visit_slot_taken: {
    nb: 'Rommet har allerede en besøkstid som starter da.',
    en: 'The room already has a visiting time starting then.',
  },
  visit_room_name_taken: {
    nb: 'Fengselet har allerede et besøksrom med dette navnet.',
    en: 'The prison already has a visiting room with this name.',
  },
  visit_closure_order: {
    nb: 'Til-dato må være samme dag som eller etter fra-dato.',
    en: 'The to date must be on or after the from date.',
  },
  visit_review_reason_required: {
    nb: 'Skriv hvorfor besøket avlyses. Begrunnelsen vises for den besøkende.',
    en: 'Write why the visit is cancelled. The reason is shown to the visitor.',
  },
  visit_review_blocked: {
    nb: 'Besøket kan ikke beholdes som bestilt fordi en regel nå stanser det (se endringene). Gjør det om til videobesøk eller avlys det.',
    en: 'The visit cannot be kept as booked because a rule now stops it (see the changes). Change it to a video visit or cancel it.',
  },
  visit_not_reviewable: {
    nb: 'Besøket kan ikke vurderes på nytt: bare bestilte besøk som ikke har funnet sted kan vurderes.',
    en: 'The visit cannot be reviewed: only booked visits that have not yet taken place can be reviewed.',
  },
  internal: {
    nb: 'Noe gikk galt hos oss. Feilen er logget.',
    en: 'Something went wrong on our side. The error has been logged.',
  },
  unavailable: { nb: 'Tjenesten er ikke klar.', en: 'The service is not ready.' },
  leave_in_past: {
    nb: 'Permisjonen kan ikke begynne før i dag ({today}).',
    en: 'The leave cannot begin before today ({today}).',
  },
  leave_to_before_from: {
    nb: 'Retur må være etter avreise (dato og klokkeslett).',
    en: 'The return must be after the departure (date and time).',
  },
  leave_not_in_prison: {
    nb: 'Personen er ikke plassert i fengsel (ingen gjeldende celleplassering).',
    en: 'The person is not in prison (no current cell placement).',
  },
  leave_before_first_date: {
    nb: 'Tidligste dato for denne permisjonen er {date} ({rule}).',
    en: 'The earliest date for this leave is {date} ({rule}).',
  },
  leave_rule_not_applicable: {
    nb: 'Denne permisjonsformen er ikke aktuell for dommen: vilkårene nås først etter endt tid ({rule}).',
    en: 'This kind of leave does not apply to the sentence: the conditions are met only after the end of term ({rule}).',
  },
  leave_quota_exceeded: {
    nb: 'Permisjonen tar {days} døgn, men bare {left} av {quota} døgn er igjen av årets permisjonskvote (forskriften § 3-30 annet ledd).',
    en: 'The leave takes {days} days, but only {left} of the {quota} days are left of the year’s leave quota (regulations § 3-30 second paragraph).',
  },
  leave_overlap: {
    nb: 'Personen har allerede en søknad eller innvilget permisjon i samme tidsrom ({from}–{to}).',
    en: 'The person already has an application or granted leave in the same period ({from}–{to}).',
  },
  leave_justification_required: {
    nb: 'Skriv en begrunnelse: den kreves ved avslag og når vedtaket går mot anbefalingen ({recommendation}).',
    en: 'Write a justification: it is required when refusing and when the decision goes against the recommendation ({recommendation}).',
  },
  leave_conditions_required: {
    nb: 'Velg minst ett vilkår når permisjonen innvilges med vilkår.',
    en: 'Choose at least one condition when the leave is granted with conditions.',
  },
  leave_not_pending: {
    nb: 'Søknaden er allerede avgjort (status: {status}).',
    en: 'The application has already been decided (status: {status}).',
  },
  leave_not_granted: {
    nb: 'Permisjonen er ikke innvilget (status: {status}).',
    en: 'The leave has not been granted (status: {status}).',
  },
  leave_not_decided: {
    nb: 'Søknaden er ikke avgjort ennå, så vedtaket kan ikke påklages.',
    en: 'The application has not been decided yet, so there is no decision to appeal.',
  },
  leave_appeal_exists: {
    nb: 'Vedtaket er allerede påklaget.',
    en: 'The decision has already been appealed.',
  },
  leave_appeal_missing: {
    nb: 'Vedtaket er ikke påklaget.',
    en: 'The decision has not been appealed.',
  },
  leave_appeal_decided: {
    nb: 'Klagen er allerede avgjort ({status}).',
    en: 'The appeal has already been decided ({status}).',
  },
  leave_appeal_before_decision: {
    nb: 'Klagen kan ikke være mottatt før vedtaket ({date}) eller etter i dag.',
    en: 'The appeal cannot be received before the decision ({date}) or after today.',
  },
  leave_return_before_start: {
    nb: 'Retur kan ikke registreres før permisjonen har begynt ({date}).',
    en: 'A return cannot be recorded before the leave has begun ({date}).',
  },
  leave_return_already: {
    nb: 'Retur er allerede registrert.',
    en: 'The return has already been recorded.',
  },
  leave_return_time_required: {
    nb: 'Oppgi dato og klokkeslett for returen.',
    en: 'Give the date and time of the return.',
  },
  leave_return_in_future: {
    nb: 'Returtidspunktet kan ikke ligge fram i tid eller før avreise.',
    en: 'The time of return cannot lie in the future or before the departure.',
  },
  leave_no_victim_notice: {
    nb: 'Det er ingen varsling av fornærmede å markere for denne permisjonen.',
    en: 'There is no notification of victims to mark for this leave.',
  },
  leave_already_started: {
    nb: 'Permisjonen har allerede begynt eller er registrert som gjennomført.',
    en: 'The leave has already begun or has been recorded as taken.',
  },
  leave_period_invalid: {
    nb: 'Til-datoen må være samme dag som eller etter fra-datoen, og perioden kan være høyst fem år.',
    en: 'The to date must be on or after the from date, and the period can be at most five years.',
  },
  // ── Individual assessments, restrictions, non-associations ──
  assessment_stale: {
    nb: 'Det er laget en nyere vurdering av personen i mellomtiden. Last inn på nytt og bygg på den.',
    en: 'A newer assessment of the person has been made in the meantime. Reload and build on it.',
  },
  assessment_missing: {
    nb: 'Personen har ingen gjeldende risikovurdering. Lag en vurdering først.',
    en: 'The person has no current risk assessment. Make an assessment first.',
  },
  assessment_date_future: {
    nb: 'Vurderingsdatoen kan ikke ligge fram i tid.',
    en: 'The assessment date cannot lie in the future.',
  },
  assessment_event_required: {
    nb: 'Oppgi hendelsen vurderingen er laget etter.',
    en: 'Name the event the assessment was made after.',
  },
  assessment_security_basis_required: {
    nb: 'Sikkerhetsnivå for plassering er et vedtak av betydning for samfunnssikkerheten og må begrunnes skriftlig.',
    en: 'The security level for placement is a decision of significance for public safety and needs a written justification.',
  },
  assessment_rating_duplicate: {
    nb: 'Dette formålet er allerede vurdert i denne vurderingen.',
    en: 'This purpose is already rated in this assessment.',
  },
  assessment_rating_basis_required: {
    nb: 'Oppgi grunnlaget for risikoen.',
    en: 'State the basis for the risk.',
  },
  restriction_justification_required: {
    nb: 'Et restriktivt tiltak må begrunnes i risikovurderingen.',
    en: 'A restrictive measure must be justified by the risk assessment.',
  },
  restriction_not_rated: {
    nb: 'Risikoen for dette formålet er ikke vurdert i gjeldende vurdering. Vurder risikoen først.',
    en: 'The risk for this purpose is not rated in the current assessment. Rate the risk first.',
  },
  restriction_necessity_required: {
    nb: 'Tiltaket er strengere enn det minst inngripende som møter risikoen. Begrunn hvorfor et mildere tiltak ikke er nok.',
    en: 'The measure is more restrictive than the least restrictive one that meets the risk. Justify why a lesser measure will not do.',
  },
  restriction_lift_justification_required: {
    nb: 'Å oppheve et restriktivt tiltak er et vedtak av betydning for samfunnssikkerheten og må begrunnes skriftlig.',
    en: 'Lifting a restrictive measure is a decision of significance for public safety and needs a written justification.',
  },
  restriction_lifted: { nb: 'Tiltaket er allerede opphevet.', en: 'The measure has already been lifted.' },
  non_association_self: {
    nb: 'En person kan ikke holdes adskilt fra seg selv.',
    en: 'A person cannot be kept apart from themselves.',
  },
  non_association_exists: {
    nb: 'Det finnes allerede et vedtak om adskillelse mellom disse to.',
    en: 'These two are already to be kept apart.',
  },
  non_association_ended: {
    nb: 'Adskillelsen er allerede avsluttet.',
    en: 'The separation has already ended.',
  },
  non_association_cell: {
    nb: 'Sengen bryter et vedtak om adskillelse: personen skal ikke dele celle med en som er plassert der.',
    en: 'The bed breaks a separation: the person must not share a cell with someone placed there.',
  },
  non_association_department: {
    nb: 'Sengen bryter et vedtak om adskillelse: personen skal ikke være i samme avdeling som en som er plassert der.',
    en: 'The bed breaks a separation: the person must not be in the same department as someone placed there.',
  },
  non_association_facility: {
    nb: 'Sengen bryter et vedtak om adskillelse: personen skal ikke være i samme fengsel som en som er plassert der.',
    en: 'The bed breaks a separation: the person must not be in the same prison as someone placed there.',
  },
  visit_non_association: {
    nb: 'En person den innsatte skal holdes adskilt fra i fengselet, har besøk i samme besøkstid. Velg en annen tid.',
    en: 'Someone the inmate is to be kept apart from in the prison has a visit in the same visiting time. Choose another time.',
  },
  leave_restricted: {
    nb: 'Et restriktivt tiltak i personens risikovurdering hindrer at denne permisjonen innvilges.',
    en: "A restrictive measure in the person's risk assessment stops this leave from being granted.",
  },
  leave_high_risk_justification: {
    nb: 'Personen har høy risiko for permisjon i gjeldende vurdering. Innvilgelse er et vedtak av betydning for samfunnssikkerheten og må begrunnes.',
    en: 'The person has a high leave risk in the current assessment. Granting is a decision of significance for public safety and needs a justification.',
  },
  // Incidents and security classification (seed 004).
  incident_in_future: {
    nb: 'Hendelsen kan ikke ha skjedd fram i tid (i dag er {today}).',
    en: 'The incident cannot have happened in the future (today is {today}).',
  },
  incident_party_reference: {
    nb: 'Oppgi hvem det er: innsatte velges fra personregisteret, ansatte fra ansattregisteret, andre med navn.',
    en: 'Say who it is: inmates are chosen from the person register, staff from the staff register, others by name.',
  },
  incident_party_duplicate: {
    nb: 'Samme person står oppført to ganger med samme rolle.',
    en: 'The same person is listed twice in the same role.',
  },
  incident_subject_required: {
    nb: 'Oppgi hvilken innsatt hendelsen gjelder (rollen «den det gjelder»).',
    en: 'Name the inmate the incident is about (the role “person concerned”).',
  },
  incident_action_deadline: {
    nb: 'Fristen kan ikke være før hendelsen ({date}).',
    en: 'The deadline cannot be before the incident ({date}).',
  },
  incident_close_note_required: {
    nb: '{open} oppfølgingstiltak er ikke utført. Skriv en merknad om hvorfor saken lukkes likevel.',
    en: '{open} follow-up actions are not done. Write a note on why the case is closed anyway.',
  },
  incident_closed: {
    nb: 'Hendelsen er lukket og kan ikke endres.',
    en: 'The incident is closed and cannot be changed.',
  },
  incident_department_wrong_facility: {
    nb: 'Avdelingen hører ikke til den valgte enheten.',
    en: 'The department does not belong to the chosen facility.',
  },
  incident_person_unknown: {
    nb: 'Fant ikke denne innsatte.',
    en: 'This inmate was not found.',
  },
  incident_staff_wrong_facility: {
    nb: 'Den ansatte finnes ikke i ansattregisteret for denne enheten.',
    en: 'The staff member is not in this facility’s staff register.',
  },
  incident_action_not_open: {
    nb: 'Tiltaket er allerede avsluttet ({status}).',
    en: 'The action has already been finished ({status}).',
  },
  incident_period_invalid: {
    nb: 'Til-datoen må være samme dag som eller etter fra-datoen, og perioden kan være høyst tolv år.',
    en: 'The to date must be on or after the from date, and the period can be at most twelve years.',
  },
  incident_scope_choice: {
    nb: 'Velg enten en region/enhet eller et fengsel, ikke begge.',
    en: 'Choose either a region/unit or a facility, not both.',
  },
  security_department_wrong_facility: {
    nb: 'Avdelingen hører ikke til denne enheten.',
    en: 'The department does not belong to this facility.',
  },
  security_classification_stale: {
    nb: 'Klassifiseringen er endret av noen andre i mellomtiden. Last inn på nytt og se den nye før du klassifiserer.',
    en: 'The classification has been changed by someone else in the meantime. Reload and read the new one before you classify.',
  },
  security_classification_exists: {
    nb: 'Enheten er allerede klassifisert fra denne datoen. Velg en annen dato.',
    en: 'The unit is already classified from this date. Choose another date.',
  },
  security_valid_from_past: {
    nb: 'En ny klassifisering kan ikke gjelde fra før den som gjelder nå ({date}).',
    en: 'A new classification cannot take effect before the one in force now ({date}).',
  },
  // ── Individual plans and the agreement ──
  plan_exists: {
    nb: 'Det finnes allerede en plan for denne dommen.',
    en: 'There is already a plan for this sentence.',
  },
  plan_no_sentence: {
    nb: 'Personen har ingen dom under gjennomføring å lage plan for.',
    en: 'The person has no sentence being executed to make a plan for.',
  },
  plan_version_not_draft: {
    nb: 'Denne versjonen av planen er avtalt eller avslått og kan ikke endres. Lag en ny versjon.',
    en: 'This version of the plan has been agreed or refused and cannot be changed. Make a new version.',
  },
  plan_draft_exists: {
    nb: 'Planen har allerede et utkast. Arbeid videre med det.',
    en: 'The plan already has a draft. Continue with it.',
  },
  plan_stale: {
    nb: 'Planen er endret av noen andre i mellomtiden. Last inn på nytt og bygg på den nyeste versjonen.',
    en: 'The plan has been changed by someone else in the meantime. Reload and build on the latest version.',
  },
  plan_goal_not_a_need: {
    nb: 'Vurderingen angir ikke dette som et behov. Begrunn hvorfor målet likevel er med i planen.',
    en: 'The assessment does not rate this as a need. Justify why the goal is in the plan all the same.',
  },
  plan_goal_dates: {
    nb: 'Fristen må være samme dag som eller etter start.',
    en: 'The due date must be on or after the start.',
  },
  plan_goals_required: {
    nb: 'Planen må ha minst ett mål før den kan avtales.',
    en: 'The plan needs at least one goal before it can be agreed.',
  },
  plan_commitments_required: {
    nb: 'Skriv hva partene forplikter seg til før planen avtales.',
    en: 'Write what each party commits to before the plan is agreed.',
  },
  plan_signature_required: {
    nb: 'Avtalen må signeres av begge parter.',
    en: 'The agreement must be signed by both parties.',
  },
  plan_refusal_reason_required: {
    nb: 'Skriv hvorfor domfelte ikke godtar planen.',
    en: 'Write why the convicted person does not accept the plan.',
  },
  plan_goal_reason_required: {
    nb: 'Et mål som endres eller faller bort må begrunnes.',
    en: 'A goal that is changed or dropped needs a reason.',
  },
  plan_goal_unknown: {
    nb: 'Målet finnes ikke i den avtalte planen.',
    en: 'The goal is not in the agreed plan.',
  },
  plan_goal_not_in_plan: {
    nb: 'Målet er ikke et mål i personens gjeldende plan.',
    en: "The goal is not a goal of the person's current plan.",
  },
  plan_not_agreed: {
    nb: 'Planen er ikke avtalt ennå. Oppfølging gjelder en avtalt plan.',
    en: 'The plan has not been agreed yet. Follow-up is of an agreed plan.',
  },
  plan_date_future: {
    nb: 'Datoen kan ikke ligge fram i tid.',
    en: 'The date cannot lie in the future.',
  },
  // Activities, contact officers, partners, referrals and the release checklist.
  activity_person_not_placed: {
    nb: 'Personen sitter ikke i fengsel ved enheten som har aktiviteten.',
    en: 'The person is not in prison at the facility that runs the activity.',
  },
  activity_already_enrolled: {
    nb: 'Personen er allerede påmeldt eller står på ventelisten.',
    en: 'The person is already enrolled or on the waiting list.',
  },
  activity_enrolment_ended: {
    nb: 'Påmeldingen er allerede avsluttet.',
    en: 'The enrolment has already ended.',
  },
  activity_attendance_future: {
    nb: 'Oppmøte kan ikke føres fram i tid.',
    en: 'Attendance cannot be recorded for a future day.',
  },
  activity_attendance_not_enrolled: {
    nb: 'Personen er ikke påmeldt aktiviteten.',
    en: 'The person is not enrolled in the activity.',
  },
  contact_officer_wrong_facility: {
    nb: 'Kontaktbetjenten må arbeide ved enheten der personen soner.',
    en: 'The contact officer must work at the facility where the person serves.',
  },
  contact_officer_not_placed: {
    nb: 'Personen soner ikke i fengsel nå og kan ikke få kontaktbetjent.',
    en: 'The person is not in prison now and cannot have a contact officer.',
  },
  contact_officer_date: {
    nb: 'Kontaktbetjenten kan ikke gjelde fra før den forrige ble tildelt.',
    en: 'The contact officer cannot start before the previous one was assigned.',
  },
  referral_transition: {
    nb: 'Henvisningen kan ikke gå fra «{from}» til «{to}».',
    en: 'The referral cannot go from “{from}” to “{to}”.',
  },
  referral_answer_required: {
    nb: 'Skriv svaret fra samarbeidspartneren.',
    en: 'Write the partner’s answer.',
  },
  referral_contact_partner: {
    nb: 'Kontaktpersonen hører ikke til denne samarbeidspartneren.',
    en: 'The contact person does not belong to this partner.',
  },
  statistics_period: {
    nb: 'Til-datoen må være samme dag som eller etter fra-datoen.',
    en: 'The to date must be on or after the from date.',
  },
  threshold_national_scope: {
    nb: 'Bare brukere med nasjonalt ansvar kan sette den nasjonale grensen.',
    en: 'Only users with national scope can set the national threshold.',
  },
  // The release decision.
  release_no_parole_date: {
    nb: 'Personen har ingen dato for prøveløslatelse etter beregningen (for eksempel forvaring eller kort straff som sones fullt ut).',
    en: 'The calculation gives the person no parole date (for example preventive detention or a short term served in full).',
  },
  release_before_parole_date: {
    nb: 'Prøveløslatelse kan tidligst skje {date} (to tredjedeler og minst 60 dager, straffegjennomføringsloven § 42).',
    en: 'Parole can be no earlier than {date} (two thirds and at least 60 days, Execution of Sentences Act § 42).',
  },
  release_no_term_end: {
    nb: 'Beregningen gir ingen dato for endt tid for personen.',
    en: 'The calculation gives no end-of-term date for the person.',
  },
  release_not_term_end: {
    nb: 'Løslatelse ved endt tid skjer {date}.',
    en: 'Release at the end of the term is on {date}.',
  },
  release_no_crisis_date: {
    nb: 'Reglene om fremskutt løslatelse gjelder ikke for personen nå.',
    en: 'The rules on early release do not apply to the person now.',
  },
  release_before_crisis_date: {
    nb: 'Fremskutt løslatelse kan tidligst skje {date}.',
    en: 'Early release can be no earlier than {date}.',
  },
  release_conditions_parole_only: {
    nb: 'Særvilkår settes ved prøveløslatelse, ikke ved endt tid.',
    en: 'Special conditions are set at parole, not at the end of the term.',
  },
  release_justification_required: {
    nb: 'Vedtaket har særlig betydning for samfunnssikkerheten og må begrunnes skriftlig.',
    en: 'The decision is of special significance for public safety and needs a written justification.',
  },
  release_assessment_required: {
    nb: 'Vedtaket har særlig betydning for samfunnssikkerheten og må bygge på en risikovurdering. Personen har ingen gjeldende vurdering.',
    en: 'The decision is of special significance for public safety and must rest on a risk assessment. The person has no current assessment.',
  },
  release_victim_notice_required: {
    nb: 'Dommen har fornærmede: de skal varsles om løslatelsen.',
    en: 'The judgment names victims: they are to be notified of the release.',
  },
  release_no_sentence: {
    nb: 'Dommen er ikke under gjennomføring i fengsel.',
    en: 'The sentence is not being served in prison.',
  },
} satisfies Record<string, Record<Locale, string>>;

export type MessageCode = keyof typeof catalogue;

const nouns: Record<string, Record<Locale, string>> = {
  leave_application: { nb: 'permisjonssøknaden', en: 'The leave application' },
  person: { nb: 'personen', en: 'The person' },
  sentence: { nb: 'dommen', en: 'The sentence' },
  facility: { nb: 'enheten', en: 'The facility' },
  bed: { nb: 'sengen', en: 'The bed' },
  message: { nb: 'meldingen', en: 'The message' },
  visitor: { nb: 'den besøkende', en: 'The visitor' },
  visit: { nb: 'besøket', en: 'The visit' },
  visiting_room: { nb: 'besøksrommet', en: 'The visiting room' },
  visit_closure: { nb: 'stengingen', en: 'The closure' },
  visit_slot_template: { nb: 'besøkstiden', en: 'The visiting time' },
  staff: { nb: 'den ansatte', en: 'The staff member' },
  health_status: { nb: 'helsestatusen', en: 'The health status' },
  roster_entry: { nb: 'vakten', en: 'The roster entry' },
  letter: { nb: 'brevet', en: 'The letter' },
  department: { nb: 'avdelingen', en: 'The department' },
  incident: { nb: 'hendelsen', en: 'The incident' },
  incident_action: { nb: 'tiltaket', en: 'The action' },
  notification: { nb: 'varselet', en: 'The notification' },
  assessment: { nb: 'vurderingen', en: 'The assessment' },
  restriction: { nb: 'tiltaket', en: 'The measure' },
  non_association: { nb: 'adskillelsen', en: 'The separation' },
  plan: { nb: 'planen', en: 'The plan' },
  plan_version: { nb: 'planversjonen', en: 'The plan version' },
  // Activities and the way out.
  activity: { nb: 'aktiviteten', en: 'The activity' },
  enrolment: { nb: 'påmeldingen', en: 'The enrolment' },
  partner: { nb: 'samarbeidspartneren', en: 'The partner' },
  partner_contact: { nb: 'kontaktpersonen', en: 'The contact person' },
  referral: { nb: 'henvisningen', en: 'The referral' },
  release_checklist: { nb: 'sjekklisten', en: 'The checklist' },
  checklist_item: { nb: 'punktet', en: 'The item' },
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
