import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, ReceiptStatus } from '../../db/types.ts';
import { normaliseName } from '../../domain/names.ts';
import { facilitiesInScope, type Principal } from '../../shared/access.ts';
import { audit, auditMany } from '../../shared/audit.ts';
import type { Clock } from '../../shared/clock.ts';
import { AppError, errors, isUniqueViolation } from '../../shared/errors.ts';
import { type Locale, message } from '../../shared/messages.ts';
import type { Page, PageRequest } from '../../shared/pagination.ts';
import {
  CURRENT_VERSION,
  contracts,
  isSupportedVersion,
  ORDER_CONTRACT,
  SUPPORTED_VERSIONS,
  schemaIssues,
} from './contracts.ts';
import { chooseFacility, type Fullbyrdelsesordre, type OrderPlan, planOrder } from './execution-order.ts';
import { createIntegrationRepository, type NewMessage } from './integration.repository.ts';
import type { MessageDetail, MessageSummary } from './integration.schemas.ts';
import { type KeyStore, looksLikeCompactJws, unverifiedPayload } from './jws.ts';
import { describe, type Issue, makeReceipt, type Receipt, statusFor } from './receipts.ts';

// The inbox for messages from the justice sector. Every message, however it arrives (the machine
// inbox as a signed JWS, a user's manual import, the folder import), takes the same path:
//   open (verify the JWS signature, parse the JSON) → claim its message id → check the contract
//   version → validate against that version's JSON Schema → business checks → import in ONE
//   transaction (person, judgment, offences, victims, reactions, queued sentences, the message's
//   receipt, the audit event).
// Whatever fails, only the message row is written, with its failure receipt; the same message
// again gets the same receipt (a message that failed on our side is processed again).

export type Channel = 'inbox' | 'manual' | 'folder';

/** The transport headers of the justice sector's hub (SchemaName, SchemaVersion, senderOrganization, messageId). */
export interface Envelope {
  schemaName?: string | undefined;
  schemaVersion?: string | undefined;
  senderOrganization?: string | undefined;
  messageId?: string | undefined;
}

export interface ReceiveInput {
  /** The message exactly as received: a compact JWS or JSON text. */
  raw: string;
  /** 'auto': a compact JWS when it looks like one, else JSON. */
  transport: 'jws' | 'json' | 'auto';
  channel: Channel;
  envelope?: Envelope;
}

export interface ReceiveResult {
  /** The message row; null when not even that could be written (the database is down). */
  id: string | null;
  receipt: Receipt;
  /** True when the message had been received before: the receipt is the one sent then. */
  duplicate: boolean;
}

export interface IntegrationDeps {
  keys: KeyStore;
  defaults: { prison?: string | undefined; probation?: string | undefined };
  /** Where internal errors are reported (the receipt only says that one happened). */
  report?: (error: unknown) => void;
  /** Recomputes the key dates of people whose sentences changed, inside the import's transaction. */
  recalculate?: (trx: Kysely<Database>, personIds: readonly string[], asOf: string) => Promise<unknown>;
}

const PURPOSE = 'integration';
/** A message left "under receipt" this long by a process that stopped is taken over by the next copy. */
const STALE_AFTER_MS = 5 * 60_000;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function at(value: unknown, ...path: string[]): unknown {
  let v = value;
  for (const key of path) v = isObject(v) ? v[key] : undefined;
  return v;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);

function parseObject(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

function timestamp(value: unknown): string | null {
  const s = text(value);
  if (!s || !/^\d{4}-\d{2}-\d{2}T/.test(s)) return null;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export function createIntegrationService(db: Kysely<Database>, clock: Clock, deps: IntegrationDeps) {
  const repo = createIntegrationRepository(db);
  const report = deps.report ?? (() => {});

  /** Opens the message: verifies a JWS, parses the JSON. Issues here are the sender's. */
  async function open(input: ReceiveInput) {
    const transport =
      input.transport === 'auto' ? (looksLikeCompactJws(input.raw) ? 'jws' : 'json') : input.transport;
    const issues: Issue[] = [];
    let keyId: string | null = null;
    let json: string | null = input.raw;
    // A JSON message comes from a signed-in user or the server's operator, who vouch for it.
    let trusted = transport === 'json';
    if (transport === 'jws') {
      const verified = await deps.keys.verify(input.raw);
      keyId = verified.kid;
      if (verified.ok) {
        json = verified.payload;
        trusted = true;
      } else {
        issues.push(verified.issue);
        json = unverifiedPayload(input.raw);
      }
    }
    let body: Record<string, unknown> | null = null;
    if (issues.length === 0) {
      try {
        const value: unknown = JSON.parse(json ?? '');
        if (isObject(value)) body = value;
        else issues.push({ path: '(melding)', code: 'esas_not_object' });
      } catch {
        issues.push({ path: '(melding)', code: 'esas_json' });
      }
    }
    return { transport, keyId, trusted, issues, body, claimed: body ?? parseObject(json) };
  }

  async function finishFailed(
    id: string,
    ref: string,
    issues: Issue[],
    version: string | null,
    contract?: string,
  ) {
    const status = statusFor(issues);
    const receipt = makeReceipt(ref, status, { beskrivelse: describe(issues, contract) });
    await repo.finish(id, {
      status,
      receipt: JSON.stringify(receipt),
      errors: JSON.stringify(issues),
      contract_version: version,
      processed_at: clock.now(),
    });
    return receipt;
  }

  /** Everything after the claim: the contract, the checks, the import. */
  async function judge(
    principal: Principal,
    id: string,
    ref: string,
    opened: Awaited<ReturnType<typeof open>>,
    envelope: Envelope,
  ): Promise<Receipt> {
    const given = text(envelope.schemaVersion);
    if (opened.issues.length > 0 || !opened.body) return finishFailed(id, ref, opened.issues, given);

    const name = text(envelope.schemaName);
    if (name && name.toUpperCase() !== ORDER_CONTRACT)
      return finishFailed(
        id,
        ref,
        [{ path: 'SchemaName', code: 'esas_schema_name', params: { name, expected: ORDER_CONTRACT } }],
        given,
      );
    const notes: Issue[] = [];
    const version = given ?? CURRENT_VERSION;
    if (!given) notes.push({ path: 'SchemaVersion', code: 'esas_version_assumed', params: { version } });
    if (!isSupportedVersion(version))
      return finishFailed(
        id,
        ref,
        [
          {
            path: 'SchemaVersion',
            code: 'esas_version',
            params: { version, name: ORDER_CONTRACT, supported: SUPPORTED_VERSIONS.join(', ') },
          },
        ],
        version,
      );
    const contract = `${ORDER_CONTRACT} ${version}`;

    const validate = contracts().order[version];
    if (!validate(opened.body))
      return finishFailed(id, ref, schemaIssues(validate.errors ?? [], version), version, contract);

    const today = clock.today();
    const planned = planOrder(opened.body as unknown as Fullbyrdelsesordre, today);
    if (!planned.ok) return finishFailed(id, ref, planned.issues, version, contract);
    const plan = planned.plan;
    notes.push(...plan.notes);

    const caseExists: Issue = {
      path: 'fullbyrdelsesordre.avgjoerelse.saksnummer',
      code: 'esas_case_exists',
      params: { caseNumber: plan.caseNumber },
    };
    if (await repo.judgmentByCase(plan.caseNumber))
      return finishFailed(id, ref, [caseExists], version, contract);

    const facilities = await repo.openFacilities(today);
    const responsible = new Map<number, string>();
    for (const [index, reaction] of plan.reactions.entries()) {
      if (!reaction.sentence) continue;
      const defaultCode =
        reaction.sentence.group === 'prison' ? deps.defaults.prison : deps.defaults.probation;
      const choice = chooseFacility(facilities, plan.places, reaction.sentence.group, defaultCode);
      if (!choice)
        return finishFailed(
          id,
          ref,
          [{ path: reaction.path, code: 'esas_facility_none', fault: 'receiver' }],
          version,
          contract,
        );
      responsible.set(index, choice.facility.id);
      notes.push({
        path: reaction.path,
        code:
          choice.rule === 'address'
            ? 'esas_facility_by_address'
            : choice.rule === 'court'
              ? 'esas_facility_by_court'
              : 'esas_facility_by_default',
        params: { facility: choice.facility.name, place: choice.place ?? '' },
      });
    }

    try {
      return await db
        .transaction()
        .execute((trx) => importOrder(trx, principal, id, ref, plan, responsible, notes, version));
    } catch (error) {
      // Another order for the same case was imported at the same moment.
      if (isUniqueViolation(error)) return finishFailed(id, ref, [caseExists], version, contract);
      throw error;
    }
  }

  /** The import itself, inside one transaction. */
  async function importOrder(
    trx: Kysely<Database>,
    principal: Principal,
    id: string,
    ref: string,
    plan: OrderPlan,
    responsible: Map<number, string>,
    notes: Issue[],
    version: string,
  ): Promise<Receipt> {
    const t = createIntegrationRepository(trx);
    const today = clock.today();
    const p = plan.person;
    const person = await t.findOrCreatePerson({
      id: randomUUID(),
      national_id: p.nationalId,
      national_id_kind: p.kind,
      given_name: p.givenName,
      family_name: p.familyName,
      search_name: normaliseName(`${p.givenName} ${p.familyName}`),
      birth_date: p.birthDate,
      gender: p.gender,
    });
    if (!person.created) {
      notes.push({ path: 'fullbyrdelsesordre.domfelte.person', code: 'esas_person_matched' });
      if (
        normaliseName(`${person.givenName} ${person.familyName}`) !==
        normaliseName(`${p.givenName} ${p.familyName}`)
      )
        notes.push({
          path: 'fullbyrdelsesordre.domfelte.person.navn',
          code: 'esas_name_differs',
          params: { name: `${p.givenName} ${p.familyName}` },
        });
    }

    const judgmentId = randomUUID();
    await t.insertJudgment({
      id: judgmentId,
      person_id: person.id,
      case_number: plan.caseNumber,
      court: plan.court,
      judgment_date: plan.judgmentDate,
      offence: plan.offenceSummary,
    });

    const offences = plan.offences.map((o, position) => ({ id: randomUUID(), o, position }));
    await t.insertOffences(
      offences.map(({ id: offenceId, o, position }) => ({
        id: offenceId,
        judgment_id: judgmentId,
        message_id: id,
        position,
        basis_case_id: o.basisCaseId,
        legal_reference: o.legalReference,
        statute_id: o.statuteId,
        description: o.description,
        max_penalty_months: o.maxPenaltyMonths,
        police_case_number: o.policeCaseNumber,
        statistics_group_code: o.statisticsGroup.kode,
        statistics_group_name: o.statisticsGroup.navn ?? null,
        crime_type_code: o.crimeType?.kode ?? null,
        crime_type_name: o.crimeType?.navn ?? null,
        details: JSON.stringify(o.details),
      })),
    );
    await t.insertVictims(
      offences.flatMap(({ id: offenceId, o }) =>
        o.victims.map((v) => ({
          id: randomUUID(),
          judgment_id: judgmentId,
          offence_id: offenceId,
          message_ref: v.ref,
          given_name: v.givenName,
          family_name: v.familyName,
          birth_date: v.birthDate,
          gender: v.gender,
          national_id: v.nationalId,
          address_protection: v.addressProtection,
          address: v.address === null ? null : JSON.stringify(v.address),
          guardians: JSON.stringify(v.guardians),
        })),
      ),
    );

    const reactions = plan.reactions.map((r, position) => ({
      r,
      position,
      sentenceId: r.sentence ? randomUUID() : null,
      facilityId: responsible.get(position) ?? null,
    }));
    await t.insertQueuedSentences(
      reactions.flatMap(({ r, sentenceId, facilityId }) =>
        r.sentence && sentenceId && facilityId
          ? [
              {
                id: sentenceId,
                judgment_id: judgmentId,
                person_id: person.id,
                kind: r.sentence.kind,
                term_days: r.sentence.termDays,
                minimum_term_days: null,
                frame_days: null,
                hours: r.sentence.hours,
                substitute_days: r.sentence.substituteDays,
                order_date: today,
                responsible_facility_id: facilityId,
                status: 'queued' as const,
                summons_sent_on: null,
                appearance_date: null,
                appearance_facility_id: null,
                postponed_until: null,
                postponement_reason: null,
                postponement_note: null,
              },
            ]
          : [],
      ),
      { on_date: today, user_id: principal.userId },
    );
    await t.insertReactions(
      reactions.map(({ r, position, sentenceId }) => ({
        id: randomUUID(),
        judgment_id: judgmentId,
        message_id: id,
        position,
        kind: r.kind,
        executed: sentenceId !== null,
        sentence_id: sentenceId,
        term_days: r.termDays,
        conditional_days: r.conditionalDays,
        probation_days: r.probationDays,
        deduction_days: r.deductionDays,
        substitute_days: r.substituteDays,
        hours: r.hours,
        amount_nok: r.amountNok,
        electronic_control: r.electronicControl,
        electronic_control_days: r.electronicControlDays,
        indefinite: r.indefinite,
        legal_basis: r.legalBasis,
        description: r.description,
        details: JSON.stringify(r.details),
      })),
    );

    await deps.recalculate?.(trx, [person.id], today);

    const receipt = makeReceipt(ref, 'MOTTATT', { saksRef: judgmentId });
    await t.finish(id, {
      status: 'MOTTATT',
      receipt: JSON.stringify(receipt),
      errors: '[]',
      warnings: JSON.stringify(notes),
      contract_version: version,
      processed_at: clock.now(),
      person_id: person.id,
      judgment_id: judgmentId,
    });
    await audit(trx, principal, {
      action: 'integration.import',
      personId: person.id,
      purpose: PURPOSE,
      details: {
        message: id,
        messageId: plan.messageId,
        caseNumber: plan.caseNumber,
        sentences: reactions.filter((r) => r.sentenceId).length,
      },
    });
    return receipt;
  }

  type SummaryRow = Omit<Awaited<ReturnType<typeof repo.list>>[number], 'total'>;

  function summary(row: SummaryRow): MessageSummary {
    return {
      id: row.id,
      messageId: row.message_id,
      contract: { name: row.contract_name, version: row.contract_version },
      channel: row.channel,
      transport: row.transport,
      keyId: row.key_id,
      senderOrganization: row.sender_organization,
      senderName: row.sender_name,
      sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
      receivedAt: new Date(row.received_at).toISOString(),
      processedAt: row.processed_at ? new Date(row.processed_at).toISOString() : null,
      attempts: row.attempts,
      status: row.status,
      caseNumber: row.case_number,
      person:
        row.person_id && row.given_name !== null && row.family_name !== null
          ? { id: row.person_id, givenName: row.given_name, familyName: row.family_name }
          : null,
      judgmentId: row.judgment_id,
      sentences: row.sentence_count,
    };
  }

  const translate = (issues: unknown, locale: Locale) =>
    ((Array.isArray(issues) ? issues : []) as Issue[]).map((i) => ({
      path: i.path,
      code: i.code,
      message: message(i.code, locale, i.params ?? {}),
    }));

  /** A message with its receipt, its problems and what it created; the payload only for those who import. */
  async function detail(id: string, locale: Locale, withPayload: boolean): Promise<MessageDetail> {
    const row = await repo.one(id);
    if (!row) throw errors.notFound('message');
    const [reactions, counts] = await Promise.all([repo.reactions(id), repo.counts(id)]);
    return {
      ...summary(row),
      receipt: row.receipt as Receipt,
      errors: translate(row.errors, locale),
      notes: translate(row.warnings, locale),
      reactions: reactions.map((r) => ({
        kind: r.kind,
        executed: r.executed,
        termDays: r.term_days,
        conditionalDays: r.conditional_days,
        probationDays: r.probation_days,
        deductionDays: r.deduction_days,
        substituteDays: r.substitute_days,
        hours: r.hours,
        amountNok: r.amount_nok === null ? null : Number(r.amount_nok),
        electronicControl: r.electronic_control,
        electronicControlDays: r.electronic_control_days,
        indefinite: r.indefinite,
        legalBasis: r.legal_basis,
        description: r.description,
        sentence:
          r.sentenceId && r.sentenceKind && r.sentenceStatus && r.facilityId && r.facilityName
            ? {
                id: r.sentenceId,
                kind: r.sentenceKind,
                status: r.sentenceStatus,
                termDays: r.sentenceTermDays,
                hours: r.sentenceHours,
                substituteDays: r.sentenceSubstituteDays,
                facility: { id: r.facilityId, name: r.facilityName },
              }
            : null,
      })),
      offences: counts.offences,
      victims: counts.victims,
      payload: withPayload ? row.payload : null,
    };
  }

  /** Receives one message and answers with its receipt. Never throws for a bad message. */
  async function receive(principal: Principal, input: ReceiveInput): Promise<ReceiveResult> {
    const now = clock.now();
    const envelope = input.envelope ?? {};
    const opened = await open(input);
    const claimed = opened.claimed;
    const sha = sha256(input.raw);
    const messageId = text(at(claimed, 'forsendelse', 'meldingsId')) ?? text(envelope.messageId);
    // Only a message whose sender is known may reserve its id: a forged copy must not block the real one.
    const trustedId = opened.trusted && opened.issues.length === 0 ? messageId : null;
    const key = trustedId ? `id:${trustedId.toLowerCase()}` : `sha256:${sha}`;
    const ref = messageId ?? `sha256:${sha}`;
    const trustedBody = opened.trusted ? opened.body : null;
    const underReceipt = JSON.stringify(makeReceipt(ref, 'UNDER_MOTTAK'));

    const row: NewMessage = {
      id: randomUUID(),
      message_key: key,
      message_id: messageId,
      contract_name: text(envelope.schemaName) ?? ORDER_CONTRACT,
      contract_version: text(envelope.schemaVersion),
      channel: input.channel,
      transport: opened.transport,
      key_id: opened.keyId,
      sender_organization: text(envelope.senderOrganization),
      sender_name: text(at(trustedBody, 'forsendelse', 'avsender', 'organisasjon', 'navn')),
      sender_org_number: text(
        at(trustedBody, 'forsendelse', 'avsender', 'organisasjon', 'organisasjonsnummer'),
      ),
      sent_at: timestamp(at(trustedBody, 'forsendelse', 'sendtTid')),
      received_at: now,
      received_by: principal.userId,
      status: 'UNDER_MOTTAK',
      receipt: underReceipt,
      payload: input.raw,
      payload_sha256: sha,
      case_number: text(at(trustedBody, 'fullbyrdelsesordre', 'avgjoerelse', 'saksnummer')),
    };

    const internal: Issue = { path: '(melding)', code: 'esas_internal', fault: 'receiver' };
    let id: string | undefined;
    try {
      id = await repo.claim(row);
      if (!id) {
        const existing = await repo.byKey(key);
        if (!existing) throw new Error('integration_message: claimed key vanished');
        id = await repo.reclaim(existing.id, underReceipt, new Date(now.getTime() - STALE_AFTER_MS), now);
        if (!id) {
          await repo.countArrival(existing.id);
          return { id: existing.id, receipt: existing.receipt as Receipt, duplicate: true };
        }
      }
    } catch (error) {
      // Nothing could be recorded: the sender still gets a receipt telling it to send again.
      report(error);
      return {
        id: null,
        receipt: makeReceipt(ref, 'FEILET_MOTTAKER', { beskrivelse: describe([internal]) }),
        duplicate: false,
      };
    }

    try {
      return { id, receipt: await judge(principal, id, ref, opened, envelope), duplicate: false };
    } catch (error) {
      report(error);
      const issue = internal;
      const receipt = makeReceipt(ref, 'FEILET_MOTTAKER', { beskrivelse: describe([issue]) });
      await repo
        .finish(id, {
          status: 'FEILET_MOTTAKER',
          receipt: JSON.stringify(receipt),
          errors: JSON.stringify([issue]),
          processed_at: clock.now(),
        })
        .catch(report);
      return { id, receipt, duplicate: false };
    }
  }

  return {
    receive,

    /** A user's import by hand: the receipt and the message as the importer sees it. */
    async importByHand(principal: Principal, input: ReceiveInput, locale: Locale) {
      const result = await receive(principal, input);
      if (!result.id) throw new AppError(503, 'unavailable');
      const shown = await detail(result.id, locale, true);
      // A message received before is shown as it was: that is a read of what it holds.
      if (result.duplicate)
        await audit(db, principal, {
          action: 'integration.message.read',
          personId: shown.person?.id ?? null,
          purpose: PURPOSE,
          details: { message: result.id },
        });
      return { ...result, message: shown };
    },

    async list(
      principal: Principal,
      filter: { status?: ReceiptStatus | undefined },
      page: PageRequest,
    ): Promise<Page<MessageSummary>> {
      const scope = await facilitiesInScope(db, principal, clock.today());
      const rows = await repo.list(scope, filter, page);
      const items = rows.map((r) => summary(r));
      // A message that names a person is a read of that person's data.
      await auditMany(
        db,
        principal,
        items
          .filter((i) => i.person)
          .map((i) => ({
            action: 'integration.message.list' as const,
            personId: i.person?.id ?? null,
            purpose: PURPOSE,
            details: { message: i.id },
          })),
      );
      return { items, page: page.page, pageSize: page.pageSize, total: rows[0]?.total ?? 0 };
    },

    async read(principal: Principal, id: string, locale: Locale): Promise<MessageDetail> {
      const row = await repo.one(id);
      if (!row) throw errors.notFound('message');
      // National roles see every message; others a message whose sentence is in their scope.
      const scope = await facilitiesInScope(db, principal, clock.today());
      if (!(await repo.inScope(id, scope))) throw errors.forbidden();
      const result = await detail(id, locale, principal.permissions.includes('integration.import'));
      await audit(db, principal, {
        action: 'integration.message.read',
        personId: row.person_id,
        purpose: PURPOSE,
        details: { message: id },
      });
      return result;
    },
  };
}

export type IntegrationService = ReturnType<typeof createIntegrationService>;
