import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/types.ts';
import { addDays } from '../../domain/calendar.ts';
import { PARAMETERS, type ParameterKey, type ParameterRow } from '../../domain/parameters.ts';
import {
  computeKeyDates,
  crisisList,
  type ExecutionEvent,
  type KeyDateKey,
  type KeyDatesInput,
  type KeyDatesResult,
} from '../../domain/sentence/index.ts';
import { assertPersonInScope, facilitiesInScope, type Principal } from '../../shared/access.ts';
import { audit, auditMany } from '../../shared/audit.ts';
import type { Clock } from '../../shared/clock.ts';
import { errors } from '../../shared/errors.ts';
import type { PageRequest } from '../../shared/pagination.ts';
import { buildInputs } from './calculations.inputs.ts';
import { createCalculationsRepository, type StoredKeyDate } from './calculations.repository.ts';

const PURPOSE = 'case_work';
const BATCH = 500;

export const ELIGIBILITY_KEYS: Record<string, readonly KeyDateKey[]> = {
  leave: ['ordinary_leave'],
  day_release: ['day_release'],
  em: ['em_front_end', 'em_back_end'],
  halfway_house: ['halfway_house', 'direct_halfway_house'],
  lower_security: ['lower_security_review', 'direct_lower_security'],
  parole: ['parole'],
};

const isCrisisKey = (key: ParameterKey) => key.startsWith('crisis');

/**
 * The law's table with the crisis rules switched on for [from, to): each crisis parameter keeps its
 * value and gets that period, ahead of the rows it replaces.
 */
export function withCrisisRules(from: string, to: string, table: readonly ParameterRow[]): ParameterRow[] {
  const seen = new Set<ParameterKey>();
  const switched: ParameterRow[] = [];
  for (const row of table) {
    if (!isCrisisKey(row.key) || seen.has(row.key)) continue;
    seen.add(row.key);
    switched.push({ ...row, validFrom: from, validTo: to, source: `${row.source} (slått på ${from}–${to})` });
  }
  return [...switched, ...table];
}

function stored(result: KeyDatesResult): StoredKeyDate[] {
  return result.keyDates.map((k, seq) => ({
    seq,
    key: k.key,
    rule: k.rule,
    on_date: k.date,
    status: k.eligibility.status,
  }));
}

/** What moved between two calculations, key by key, in the order of the first. */
export function changes(before: KeyDatesResult, after: KeyDatesResult) {
  const id = (k: KeyDatesResult['keyDates'][number]) => `${k.key}:${k.sentenceIds.join(',')}`;
  const next = new Map(after.keyDates.map((k) => [id(k), k]));
  const out: { key: string; rule: string; before: string | null; after: string | null }[] = [];
  for (const k of before.keyDates) {
    const a = next.get(id(k));
    if ((a?.date ?? null) !== k.date)
      out.push({ key: k.key, rule: a?.rule ?? k.rule, before: k.date, after: a?.date ?? null });
  }
  if (before.expectedEnd !== after.expectedEnd)
    out.unshift({
      key: 'expected_end',
      rule: 'term.end',
      before: before.expectedEnd,
      after: after.expectedEnd,
    });
  return out;
}

export function createCalculationsService(db: Kysely<Database>, clock: Clock) {
  async function table(trx: Kysely<Database> = db): Promise<ParameterRow[]> {
    const overrides = await createCalculationsRepository(trx).parameterOverrides();
    const rows: ParameterRow[] = overrides.map((o) => ({
      key: o.key as ParameterKey,
      value: Number(o.value),
      ...(o.denominator !== null && { denominator: o.denominator }),
      validFrom: o.valid_from,
      validTo: o.valid_to,
      source: o.source,
    }));
    return [...rows, ...PARAMETERS];
  }

  async function inputFor(
    trx: Kysely<Database>,
    personId: string,
    asOf: string,
  ): Promise<KeyDatesInput | null> {
    const loaded = await createCalculationsRepository(trx).inputs([personId]);
    return buildInputs(loaded, asOf).get(personId) ?? null;
  }

  /** Computes and stores the key dates of these people, in the caller's transaction when given one. */
  async function recalculate(trx: Kysely<Database>, personIds: readonly string[], asOf = clock.today()) {
    const repo = createCalculationsRepository(trx);
    const rules = await table(trx);
    const inputs = buildInputs(await repo.inputs(personIds), asOf);
    let failed = 0;
    const rows = personIds.map((personId) => {
      const input = inputs.get(personId);
      if (!input) return { personId, asOf, result: null, error: null, keyDates: [] };
      try {
        const result = computeKeyDates(input, rules);
        return { personId, asOf, result, error: null, keyDates: stored(result) };
      } catch (error) {
        failed++;
        return {
          personId,
          asOf,
          result: null,
          error: String((error as Error).message ?? error),
          keyDates: [],
        };
      }
    });
    await repo.save(rows);
    return { persons: rows.length, failed };
  }

  return {
    recalculate,

    /** Every active sentence, in batches: after a rule change, and each new day. */
    async recalculateAll(asOf = clock.today()) {
      const started = Date.now();
      const ids = await createCalculationsRepository(db).activePersonIds();
      let failed = 0;
      for (let i = 0; i < ids.length; i += BATCH) {
        const part = ids.slice(i, i + BATCH);
        const r = await db.transaction().execute((trx) => recalculate(trx, part, asOf));
        failed += r.failed;
      }
      return { persons: ids.length, failed, seconds: (Date.now() - started) / 1000 };
    },

    /** Switches the crisis rules on for [from, to) for everyone, and recalculates every active sentence. */
    async switchCrisisRules(principal: Principal, body: { from: string; to: string; reason: string }) {
      if (body.to <= body.from) throw errors.field('to', 'period_end_before_start');
      const rows = withCrisisRules(body.from, body.to, PARAMETERS).filter(
        (r) => r.validFrom === body.from && r.validTo === body.to && isCrisisKey(r.key),
      );
      await db
        .insertInto('parameter_override')
        .values(
          rows.map((r) => ({
            id: randomUUID(),
            key: r.key,
            value: r.value,
            denominator: r.denominator ?? null,
            valid_from: body.from,
            valid_to: body.to,
            source: r.source,
            reason: body.reason,
            set_by: principal.userId,
          })),
        )
        .execute();
      await audit(db, principal, { action: 'rules.crisis.switch', purpose: 'crisis', details: body });
      return this.recalculateAll();
    },

    /** The periods the crisis rules have been switched on for, newest first. */
    async crisisPeriods() {
      const rows = await db
        .selectFrom('parameter_override as o')
        .leftJoin('app_user as u', 'u.id', 'o.set_by')
        .select([
          'o.valid_from',
          'o.valid_to',
          'o.reason',
          'u.display_name',
          sql<string>`max(o.set_at)::text`.as('set_at'),
        ])
        .where('o.key', 'like', 'crisis%')
        .groupBy(['o.valid_from', 'o.valid_to', 'o.reason', 'u.display_name'])
        .orderBy('o.valid_from', 'desc')
        .execute();
      return rows.map((r) => ({
        from: r.valid_from,
        to: r.valid_to,
        reason: r.reason,
        setBy: r.display_name,
        setAt: new Date(r.set_at).toISOString(),
      }));
    },

    /** Switches the crisis rules off from a date: periods are cut there, later ones removed; all recalculated. */
    async endCrisisRules(principal: Principal, body: { on: string; reason: string }) {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('parameter_override')
          .set({ valid_to: body.on })
          .where('key', 'like', 'crisis%')
          .where('valid_from', '<', body.on)
          .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', body.on)]))
          .execute();
        await trx
          .deleteFrom('parameter_override')
          .where('key', 'like', 'crisis%')
          .where('valid_from', '>=', body.on)
          .execute();
        await audit(trx, principal, {
          action: 'rules.crisis.end',
          purpose: 'crisis',
          details: { on: body.on, reason: body.reason },
        });
      });
      return this.recalculateAll();
    },

    /** Whether the stored dates are from an earlier day (or missing), so a bulk run is due. */
    async isStale(): Promise<boolean> {
      const repo = createCalculationsRepository(db);
      const { oldest } = await repo.oldestCalculation();
      if (oldest === null) return (await repo.activePersonIds()).length > 0;
      return oldest < clock.today();
    },

    /** The stateless what-if: nothing is read about anyone and nothing is stored. */
    async whatIf(input: KeyDatesInput): Promise<KeyDatesResult> {
      return computeKeyDates(input, await table());
    },

    async forPerson(principal: Principal, personId: string) {
      const today = clock.today();
      await assertPersonInScope(db, principal, personId, today);
      const input = await inputFor(db, personId, today);
      if (!input) throw errors.notFound('sentence');
      const result = computeKeyDates(input, await table());
      await audit(db, principal, { action: 'person.key_dates.read', personId, purpose: PURPOSE });
      return { personId, computedAt: new Date().toISOString(), input, result };
    },

    async preview(principal: Principal, personId: string, event: ExecutionEvent) {
      const today = clock.today();
      await assertPersonInScope(db, principal, personId, today);
      const input = await inputFor(db, personId, today);
      if (!input) throw errors.notFound('sentence');
      const rules = await table();
      const before = computeKeyDates(input, rules);
      const after = computeKeyDates({ ...input, events: [...(input.events ?? []), event] }, rules);
      await audit(db, principal, { action: 'person.key_dates.read', personId, purpose: PURPOSE });
      return { before, after, changes: changes(before, after) };
    },

    async recordEvent(
      principal: Principal,
      personId: string,
      body: {
        type: Database['execution_event']['kind'];
        date: string;
        sentenceId?: string | undefined;
        note?: string | undefined;
      },
    ) {
      const today = clock.today();
      if (body.date > today) throw errors.field('date', 'event_in_future');
      await db.transaction().execute(async (trx) => {
        await assertPersonInScope(trx, principal, personId, today);
        await createCalculationsRepository(trx).insertEvent({
          id: randomUUID(),
          person_id: personId,
          sentence_id: body.sentenceId ?? null,
          kind: body.type,
          on_date: body.date,
          note: body.note ?? null,
          user_id: principal.userId,
        });
        await recalculate(trx, [personId], today);
        await audit(trx, principal, {
          action: 'execution.event',
          personId,
          purpose: PURPOSE,
          details: { type: body.type, date: body.date },
        });
      });
      const input = await inputFor(db, personId, today);
      if (!input) throw errors.notFound('sentence');
      return {
        personId,
        computedAt: new Date().toISOString(),
        input,
        result: computeKeyDates(input, await table()),
      };
    },

    async eligibility(
      principal: Principal,
      query: { kind: string; withinDays: number; facilityId?: string | undefined },
      page: PageRequest,
    ) {
      const today = clock.today();
      const scope = await facilitiesInScope(db, principal, today);
      const keys = ELIGIBILITY_KEYS[query.kind] ?? [];
      const until = addDays(today, query.withinDays);
      const rows =
        scope !== null && scope.length === 0
          ? []
          : await createCalculationsRepository(db).due(
              { keys, until, scope, facilityId: query.facilityId },
              page,
            );
      await auditMany(
        db,
        principal,
        rows.map((r) => ({ action: 'eligibility.list', personId: r.personId, purpose: PURPOSE })),
      );
      return {
        items: rows.map((r) => ({
          person: { id: r.personId, givenName: r.given_name, familyName: r.family_name },
          facility: r.facilityId && r.facilityName ? { id: r.facilityId, name: r.facilityName } : null,
          key: r.key,
          rule: r.rule,
          date: r.on_date,
          status: r.status as 'eligible' | 'not_yet',
        })),
        page: page.page,
        pageSize: page.pageSize,
        total: rows[0]?.total ?? 0,
      };
    },

    /**
     * The crisis team's list: with the crisis rules switched on for [from, to), everyone nationally
     * whose early release or transfer to EM falls due within N days, and who is excluded and why.
     */
    async crisisList(
      principal: Principal,
      query: { from: string; to: string; withinDays: number; facilityId?: string | undefined },
    ) {
      if (query.to <= query.from) throw errors.field('to', 'period_end_before_start');
      const today = clock.today();
      const asOf = [today, query.from].sort()[1] as string;
      const repo = createCalculationsRepository(db);
      const rules = withCrisisRules(query.from, query.to, await table());
      const ids = await repo.activePersonIds();
      const found: { personId: string; item: ReturnType<typeof crisisList>[number] }[] = [];
      for (let i = 0; i < ids.length; i += BATCH) {
        const inputs = buildInputs(await repo.inputs(ids.slice(i, i + BATCH)), asOf);
        for (const [personId, input] of inputs) {
          let result: KeyDatesResult;
          try {
            result = computeKeyDates(input, rules);
          } catch {
            continue;
          }
          for (const item of crisisList(result, query.withinDays)) found.push({ personId, item });
        }
      }
      const people = new Map(
        (await repo.peopleWithPlace([...new Set(found.map((f) => f.personId))]))
          .filter((p) => !query.facilityId || p.facilityId === query.facilityId)
          .map((p) => [p.id, p]),
      );
      await auditMany(
        db,
        principal,
        [...people.keys()].map((personId) => ({ action: 'crisis.list', personId, purpose: 'crisis' })),
      );
      const items = found.flatMap(({ personId, item }) => {
        const p = people.get(personId);
        if (!p) return [];
        return [
          {
            person: { id: p.id, givenName: p.given_name, familyName: p.family_name, birthDate: p.birth_date },
            facility: p.facilityId && p.facilityName ? { id: p.facilityId, name: p.facilityName } : null,
            key: item.key,
            rule: item.rule,
            legalRef: item.legalRef,
            status: item.status,
            date: item.date,
            explanation: item.explanation,
          },
        ];
      });
      const order = { eligible: 0, due: 1, not_applicable: 2 } as const;
      items.sort(
        (a, b) =>
          order[a.status] - order[b.status] ||
          (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
          a.person.familyName.localeCompare(b.person.familyName, 'nb'),
      );
      return { from: query.from, to: query.to, asOf, withinDays: query.withinDays, items };
    },
  };
}

export type CalculationsService = ReturnType<typeof createCalculationsService>;
