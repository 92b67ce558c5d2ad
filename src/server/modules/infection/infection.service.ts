import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { addDays } from '../../domain/calendar.ts';
import {
  bySeverity,
  EARLIER_TOLERANCE_DAYS,
  type InfectionThresholds,
  type SeriesPoint,
  STALE_AFTER_DAYS,
  situationOf,
  thresholdsOn,
  validateThresholds,
} from '../../domain/infection.ts';
import type { Principal } from '../../shared/access.ts';
import { audit } from '../../shared/audit.ts';
import type { Clock } from '../../shared/clock.ts';
import { errors, type FieldError } from '../../shared/errors.ts';
import { parseInfectionCsv } from './infection.csv.ts';
import { createInfectionRepository, type LevelRow } from './infection.repository.ts';
import type { FacilityItem, MunicipalityItem, Thresholds } from './infection.schemas.ts';

const PURPOSE = 'infection_control';

export function createInfectionService(db: Kysely<Database>, clock: Clock) {
  const repo = createInfectionRepository(db);

  async function thresholdsFor(asOf: string): Promise<{ rules: InfectionThresholds; shown: Thresholds }> {
    const rows = await repo.thresholds();
    const rules = thresholdsOn(rows, asOf);
    const row = rows.find((r) => r.validFrom <= asOf && (r.validTo === null || r.validTo > asOf));
    return {
      rules,
      shown: { ...rules, validFrom: row?.validFrom ?? null, source: row?.source ?? 'default' },
    };
  }

  /** Each municipality's level and trend as of a date, from the values that can matter. */
  async function situations(asOf: string, rules: InfectionThresholds) {
    const from = addDays(asOf, -(STALE_AFTER_DAYS + rules.compareDays + EARLIER_TOLERANCE_DAYS));
    const rows = await repo.series(from, asOf);
    const byName = new Map<string, { name: string; points: SeriesPoint[] }>();
    for (const r of rows) {
      const key = r.municipality.toLowerCase();
      const entry = byName.get(key) ?? { name: r.municipality, points: [] };
      entry.points.push({ date: r.date, incidence: r.incidence });
      byName.set(key, entry);
    }
    const result = new Map<string, MunicipalityItem>();
    for (const [key, { name, points }] of byName) {
      const s = situationOf(points, asOf, rules);
      result.set(key, {
        municipality: name,
        date: s.current?.date ?? null,
        incidence14d: s.current?.incidence ?? null,
        earlierDate: s.earlier?.date ?? null,
        earlierIncidence14d: s.earlier?.incidence ?? null,
        level: s.level,
        trend: s.trend,
      });
    }
    return result;
  }

  const severity = (a: MunicipalityItem, b: MunicipalityItem) =>
    bySeverity({ ...a, incidence: a.incidence14d }, { ...b, incidence: b.incidence14d }) ||
    a.municipality.localeCompare(b.municipality, 'nb');

  async function canonical(rows: LevelRow[]): Promise<LevelRow[]> {
    const names = await repo.knownNames();
    return rows.map((r) => ({
      ...r,
      municipality: names.get(r.municipality.toLowerCase()) ?? r.municipality,
    }));
  }

  return {
    async municipalities(asOf = clock.today()) {
      const { rules, shown } = await thresholdsFor(asOf);
      const items = [...(await situations(asOf, rules)).values()].sort(severity);
      return { asOf, thresholds: shown, items };
    },

    /** Every open facility with the level and trend where it stands, most severe first. */
    async facilities(asOf = clock.today()) {
      const { rules, shown } = await thresholdsFor(asOf);
      const byMunicipality = await situations(asOf, rules);
      const facilities = await repo.facilitiesOn(asOf);
      const items: FacilityItem[] = facilities.map((f) => {
        const s = byMunicipality.get(f.municipality.toLowerCase());
        return {
          municipality: s?.municipality ?? f.municipality,
          date: s?.date ?? null,
          incidence14d: s?.incidence14d ?? null,
          earlierDate: s?.earlierDate ?? null,
          earlierIncidence14d: s?.earlierIncidence14d ?? null,
          level: s?.level ?? 'unknown',
          trend: s?.trend ?? 'unknown',
          facility: { id: f.id, code: f.code, name: f.name, kind: f.kind },
          orgUnit:
            f.orgUnitId && f.orgUnitName && f.orgUnitKind
              ? { id: f.orgUnitId, name: f.orgUnitName, kind: f.orgUnitKind }
              : null,
        };
      });
      items.sort((a, b) => severity(a, b) || a.facility.name.localeCompare(b.facility.name, 'nb'));
      return { asOf, thresholds: shown, items };
    },

    /** The thresholds in force today and every period, newest first. */
    async thresholds() {
      const { shown } = await thresholdsFor(clock.today());
      return { current: shown, periods: await repo.thresholds() };
    },

    /**
     * New thresholds from a date (today or later): the period in force then ends that day. Levels
     * shown for earlier days keep the thresholds of their day.
     */
    async setThresholds(
      principal: Principal,
      body: {
        validFrom: string;
        yellowFrom: number;
        redFrom: number;
        risingPercent: number;
        compareDays: number;
        reason: string;
      },
    ) {
      const { reason, validFrom, ...values } = body;
      const problems: FieldError[] = validateThresholds(values);
      if (validFrom < clock.today()) problems.unshift({ path: 'validFrom', code: 'threshold_from_past' });
      if (problems.length > 0) throw errors.validation(problems);
      await db.transaction().execute(async (trx) => {
        const { conflictFrom } = await repo.addThresholds(trx, {
          validFrom,
          ...values,
          source: `${reason} (${principal.displayName})`,
        });
        if (conflictFrom)
          throw errors.field('validFrom', 'threshold_from_not_after_latest', { date: conflictFrom });
        await audit(trx, principal, {
          action: 'infection.thresholds',
          purpose: PURPOSE,
          details: { validFrom, ...values },
        });
      });
      return this.thresholds();
    },

    /** One value entered by hand; the same municipality and date again replaces it. */
    async enter(principal: Principal, body: { municipality: string; date: string; incidence14d: number }) {
      if (body.date > clock.today()) throw errors.field('date', 'infection_date_future');
      const [row] = await canonical([
        {
          municipality: body.municipality,
          date: body.date,
          incidence: Math.round(body.incidence14d * 10) / 10,
        },
      ]);
      if (!row) throw errors.field('municipality', 'field_required');
      const result = await db.transaction().execute(async (trx) => {
        const r = await repo.upsert(trx, [row], 'manual', principal.userId);
        await audit(trx, principal, {
          action: 'infection.enter',
          purpose: PURPOSE,
          details: { municipality: row.municipality, date: row.date, incidence14d: row.incidence },
        });
        return r;
      });
      return {
        municipality: row.municipality,
        date: row.date,
        incidence14d: row.incidence,
        created: result.created === 1,
      };
    },

    /** A CSV file: every row is checked first; one bad row and nothing is imported. */
    async importCsv(principal: Principal, text: string) {
      const parsed = parseInfectionCsv(text, clock.today());
      const rows = await canonical(
        parsed.map((r) => ({
          municipality: r.municipality,
          date: r.date,
          incidence: Math.round(r.incidence * 10) / 10,
        })),
      );
      const result = await db.transaction().execute(async (trx) => {
        const r = await repo.upsert(trx, rows, 'import', principal.userId);
        await audit(trx, principal, {
          action: 'infection.import',
          purpose: PURPOSE,
          details: { rows: rows.length, ...r },
        });
        return r;
      });
      return {
        rows: rows.length,
        ...result,
        municipalities: new Set(rows.map((r) => r.municipality.toLowerCase())).size,
      };
    },
  };
}

export type InfectionService = ReturnType<typeof createInfectionService>;
