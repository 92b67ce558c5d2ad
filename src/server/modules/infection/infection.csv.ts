import { isIsoDate } from '../../domain/calendar.ts';
import { parseIncidence } from '../../domain/infection.ts';
import { errors, type FieldError } from '../../shared/errors.ts';

// The import file: a header line `kommune,dato,insidens_14d` (required, any case), then one row per
// municipality and date. The separator is a comma, or a semicolon if the header has one (as
// spreadsheets in Norway write it); a value with a decimal comma in a comma-separated file must be
// quoted ("12,5"). Dates are YYYY-MM-DD; the incidence is a number ≥ 0 with a decimal comma or
// point. Blank lines are skipped; line numbers count every line from 1 (the header).

export const CSV_COLUMNS = ['kommune', 'dato', 'insidens_14d'] as const;
export const MAX_ROWS = 20_000;
const MAX_ERRORS = 50;

export interface CsvRow {
  line: number;
  municipality: string;
  date: string;
  incidence: number;
}

/** One line split into fields, honouring double quotes ("" is a quote inside a quoted field). */
export function splitLine(line: string, separator: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

/**
 * Every row of the file, or a 422 naming each bad line and field (path `csv.<line>.<field>`).
 * Nothing is returned from a file with any bad row, so the caller imports all or nothing.
 */
export function parseInfectionCsv(text: string, today: string): CsvRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const headerLine = lines[0] ?? '';
  if (headerLine.trim() === '') throw errors.field('csv', 'infection_csv_empty');
  const separator = headerLine.includes(';') ? ';' : ',';
  const header = splitLine(headerLine, separator).map((h) => h.toLowerCase());
  if (header.join(',') !== CSV_COLUMNS.join(','))
    throw errors.field('csv.1', 'infection_csv_header', { found: headerLine.slice(0, 80) });

  const rows: CsvRow[] = [];
  const fields: FieldError[] = [];
  const seen = new Map<string, number>();
  for (let i = 1; i < lines.length && fields.length < MAX_ERRORS; i++) {
    const raw = lines[i] ?? '';
    if (raw.trim() === '') continue;
    const line = i + 1;
    if (rows.length + fields.length >= MAX_ROWS)
      throw errors.field('csv', 'infection_csv_too_many', { max: MAX_ROWS });
    const cells = splitLine(raw, separator);
    if (cells.length !== 3) {
      fields.push({
        path: `csv.${line}`,
        code: 'infection_csv_columns',
        params: { line, count: cells.length },
      });
      continue;
    }
    const [municipality = '', date = '', incidenceText = ''] = cells;
    let ok = true;
    if (municipality.length === 0 || municipality.length > 100) {
      fields.push({
        path: `csv.${line}.kommune`,
        code: 'infection_csv_municipality',
        params: { line, field: 'kommune' },
      });
      ok = false;
    }
    if (!isIsoDate(date) || date > today) {
      fields.push({ path: `csv.${line}.dato`, code: 'infection_csv_date', params: { line, field: 'dato' } });
      ok = false;
    }
    const incidence = parseIncidence(incidenceText);
    if (incidence === null) {
      fields.push({
        path: `csv.${line}.insidens_14d`,
        code: 'infection_csv_incidence',
        params: { line, field: 'insidens_14d' },
      });
      ok = false;
    }
    if (!ok || incidence === null) continue;
    const key = `${municipality.toLowerCase()}|${date}`;
    const first = seen.get(key);
    if (first !== undefined) {
      fields.push({ path: `csv.${line}`, code: 'infection_csv_duplicate', params: { line, first } });
      continue;
    }
    seen.set(key, line);
    rows.push({ line, municipality, date, incidence });
  }
  if (fields.length > 0) throw errors.validation(fields);
  if (rows.length === 0) throw errors.field('csv', 'infection_csv_empty');
  return rows;
}
