import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { maskNationalId, parseNationalId } from '../../domain/identity-number.ts';
import { normaliseName } from '../../domain/names.ts';
import { assertPersonInScope, facilitiesInScope, type Principal } from '../../shared/access.ts';
import { audit, auditMany } from '../../shared/audit.ts';
import type { Clock } from '../../shared/clock.ts';
import { errors, isUniqueViolation } from '../../shared/errors.ts';
import type { Page, PageRequest } from '../../shared/pagination.ts';
import { createPeopleRepository, type PersonMatch } from './people.repository.ts';
import type { PersonDetail, PersonHit } from './people.schemas.ts';

/** Court case numbers, for example 20-123456MED-OTIR/08. */
const CASE_NUMBER = /^\d{2}-\d{6}[A-ZÆØÅ]{3}-[A-ZÆØÅ]{4}\/\d{2}$/i;

export function classifyQuery(q: string): PersonMatch {
  const compact = q.replace(/\s/g, '');
  if (/^\d+$/.test(compact)) {
    const parsed = parseNationalId(compact);
    if (!parsed.valid) throw errors.field('q', parsed.error);
    return { by: 'national_id', nationalId: compact };
  }
  if (CASE_NUMBER.test(q.trim())) return { by: 'case_number', caseNumber: q.trim() };
  const normalised = normaliseName(q);
  if (normalised.length < 2) throw errors.field('q', 'field_too_short', { minimum: 2 });
  return { by: 'name', normalised };
}

/** A purpose code the UI translates; a caller may send its own words in X-Purpose instead. */
export const DEFAULT_PURPOSE = 'case_work';

export function createPeopleService(db: Kysely<Database>, clock: Clock) {
  const repo = createPeopleRepository(db);

  async function detail(id: string): Promise<PersonDetail> {
    const person = await repo.person(id);
    if (!person) throw errors.notFound('person');
    const [placement, judgments, sentences, events] = await Promise.all([
      repo.currentPlacement(id),
      repo.judgments(id),
      repo.sentences(id),
      repo.events(id),
    ]);
    return {
      id: person.id,
      version: person.version,
      givenName: person.given_name,
      familyName: person.family_name,
      birthDate: person.birth_date,
      gender: person.gender,
      nationalId: person.national_id,
      nationalIdKind: person.national_id_kind,
      placement: placement
        ? {
            id: placement.id,
            kind: placement.kind,
            since: placement.from_date,
            facility: {
              id: placement.facilityId,
              name: placement.facilityName,
              kind: placement.facilityKind,
            },
            department:
              placement.departmentId && placement.departmentName
                ? { id: placement.departmentId, name: placement.departmentName }
                : null,
            cell:
              placement.cellId && placement.cellNumber
                ? { id: placement.cellId, number: placement.cellNumber }
                : null,
            bed:
              placement.bedId && placement.bedLabel
                ? { id: placement.bedId, label: placement.bedLabel }
                : null,
          }
        : null,
      judgments: judgments.map((j) => ({
        id: j.id,
        caseNumber: j.case_number,
        court: j.court,
        judgmentDate: j.judgment_date,
        offence: j.offence,
        sentences: sentences
          .filter((s) => s.judgment_id === j.id)
          .map((s) => ({
            id: s.id,
            version: s.version,
            kind: s.kind,
            termDays: s.term_days,
            minimumTermDays: s.minimum_term_days,
            frameDays: s.frame_days,
            hours: s.hours,
            substituteDays: s.substitute_days,
            orderDate: s.order_date,
            status: s.status,
            statusHistory: events
              .filter((e) => e.sentence_id === s.id)
              .map((e) => ({
                status: e.status,
                date: e.on_date,
                reason: e.reason,
                facility: e.facilityId && e.facilityName ? { id: e.facilityId, name: e.facilityName } : null,
                by: e.by,
              })),
          })),
      })),
    };
  }

  return {
    detail,

    async search(principal: Principal, q: string, page: PageRequest): Promise<Page<PersonHit>> {
      const match = classifyQuery(q);
      const scope = await facilitiesInScope(db, principal, clock.today());
      const rows = scope !== null && scope.length === 0 ? [] : await repo.search(match, scope, page);
      const status = new Map((await repo.currentStatus(rows.map((r) => r.id))).map((s) => [s.person_id, s]));
      const items: PersonHit[] = rows.map((r) => {
        const s = status.get(r.id);
        return {
          id: r.id,
          givenName: r.given_name,
          familyName: r.family_name,
          birthDate: r.birth_date,
          nationalIdMasked: maskNationalId(r.national_id),
          status: s?.status ?? null,
          facility: s ? { id: s.facilityId, name: s.facilityName } : null,
          matchedBy: match.by,
        };
      });
      // Each person shown in a result list is a read of that person's data.
      await auditMany(
        db,
        principal,
        items.map((i) => ({
          action: 'person.search',
          personId: i.id,
          purpose: DEFAULT_PURPOSE,
          details: { by: match.by },
        })),
      );
      return { items, page: page.page, pageSize: page.pageSize, total: rows[0]?.total ?? 0 };
    },

    async read(principal: Principal, id: string, purpose = DEFAULT_PURPOSE): Promise<PersonDetail> {
      if (!(await repo.person(id))) throw errors.notFound('person');
      await assertPersonInScope(db, principal, id, clock.today());
      const result = await detail(id);
      await audit(db, principal, { action: 'person.read', personId: id, purpose });
      return result;
    },

    async create(principal: Principal, input: { nationalId: string; givenName: string; familyName: string }) {
      const nationalId = input.nationalId.replace(/\s/g, '');
      const parsed = parseNationalId(nationalId);
      if (!parsed.valid) throw errors.field('nationalId', parsed.error);
      const scope = await facilitiesInScope(db, principal, clock.today());
      const id = randomUUID();
      try {
        await db.transaction().execute(async (trx) => {
          await createPeopleRepository(trx).insertPerson({
            id,
            national_id: nationalId,
            national_id_kind: parsed.kind,
            given_name: input.givenName,
            family_name: input.familyName,
            search_name: normaliseName(`${input.givenName} ${input.familyName}`),
            birth_date: parsed.birthDate,
            gender: parsed.gender,
            registered_facility_id: scope?.[0] ?? null,
          });
          await audit(trx, principal, { action: 'person.create', personId: id, purpose: DEFAULT_PURPOSE });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw errors.field('nationalId', 'nin_exists');
        throw error;
      }
      return detail(id);
    },

    async auditTrail(principal: Principal, id: string, page: PageRequest) {
      if (!(await repo.person(id))) throw errors.notFound('person');
      await assertPersonInScope(db, principal, id, clock.today());
      const rows = await repo.auditTrail(id, page);
      await audit(db, principal, { action: 'person.audit.read', personId: id, purpose: DEFAULT_PURPOSE });
      return {
        items: rows.map((r) => ({
          at: new Date(r.at).toISOString(),
          user: r.username,
          role: r.role,
          action: r.action,
          purpose: r.purpose,
        })),
        page: page.page,
        pageSize: page.pageSize,
        total: rows[0]?.total ?? 0,
      };
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
