import { readFileSync } from 'node:fs';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { FieldError } from '../../shared/errors.ts';

// The ESAS contracts Varde receives and answers with, copied into ./contracts (see its README):
// the execution order FULLBYRDELSESORDRE (current 1.2, previous 1.1) and the receipt KVITTERING 1.0.

export const ORDER_CONTRACT = 'FULLBYRDELSESORDRE';
export const RECEIPT_CONTRACT = 'KVITTERING';
export const CURRENT_VERSION = '1.2';
/** The rolling upgrade window: the current and the previous version are accepted. */
export const SUPPORTED_VERSIONS = ['1.2', '1.1'] as const;
export type OrderVersion = (typeof SUPPORTED_VERSIONS)[number];

export function isSupportedVersion(version: string): version is OrderVersion {
  return (SUPPORTED_VERSIONS as readonly string[]).includes(version);
}

const contractFile = (path: string) => new URL(`./contracts/${path}`, import.meta.url);

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(contractFile(path), 'utf8')) as Record<string, unknown>;
}

/** The published example execution order, as text. */
export function publishedExample(): string {
  return readFileSync(
    contractFile('dom/fullbyrdelsesordre/1.2/eksempelfiler/fullbyrdelsesordre-eksempel-1.json'),
    'utf8',
  );
}

/** Reactions that 1.2 added ("Nye rettighetstap" in changelog.md); 1.1 does not have them. */
export const ADDED_IN_1_2 = ['rettighetstapForbudKontakt', 'rettighetstapMotorvogn'] as const;

/**
 * The 1.1 schema, which is not published: the 1.2 schema without the two reactions 1.2 added.
 * Every other 1.2 definition was already in 1.1, so this is the whole difference.
 */
export function deriveOrderSchema11(schema12: Record<string, unknown>): Record<string, unknown> {
  const schema = structuredClone(schema12) as {
    $id?: string;
    definitions: Record<string, { properties?: Record<string, unknown> }>;
  };
  schema.$id = 'https://kriminalomsorgen.no/dom/1.1/fullbyrdelsesordre';
  const reactions = schema.definitions.reaksjonsType?.properties;
  if (!reactions) throw new Error('fullbyrdelsesordre 1.2: reaksjonsType has no properties');
  for (const name of ADDED_IN_1_2) {
    if (!(name in reactions) || !(name in schema.definitions))
      throw new Error(`fullbyrdelsesordre 1.2: expected the reaction ${name}`);
    delete reactions[name];
    delete schema.definitions[name];
  }
  return schema as Record<string, unknown>;
}

export interface Contracts {
  order: Record<OrderVersion, ValidateFunction>;
  receipt: ValidateFunction;
}

let compiled: Contracts | undefined;

/** The compiled validators, built once per process (JSON Schema draft 2020-12, formats checked). */
export function contracts(): Contracts {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  // ajv-formats is CommonJS: under Node's ESM its plugin function is the default export's `default` too.
  formats.default(ajv);
  const order12 = readJson('dom/fullbyrdelsesordre/1.2/fullbyrdelsesordre.schema.json');
  compiled = {
    order: {
      '1.2': ajv.compile(order12),
      '1.1': ajv.compile(deriveOrderSchema11(order12)),
    },
    receipt: ajv.compile(readJson('felles/kvittering/1.0/Kvittering.schema.json')),
  };
  return compiled;
}

/** '/a/b/0/c' → 'a.b[0].c': the field as a person reads it in a receipt. */
export function fieldPath(pointer: string, child?: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (child !== undefined) parts.push(child);
  let path = '';
  for (const part of parts) path += /^\d+$/.test(part) ? `[${part}]` : path ? `.${part}` : part;
  return path || '(melding)';
}

const REACTIONS_POINTER = /^\/fullbyrdelsesordre\/avgjoerelse\/reaksjoner$/;

/** One field error per schema violation, in the codes the API translates. */
export function schemaIssues(errors: readonly ErrorObject[], version: string): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const p = e.params as Record<string, unknown>;
    let issue: FieldError;
    switch (e.keyword) {
      case 'required':
        issue = { path: fieldPath(e.instancePath, String(p.missingProperty)), code: 'field_required' };
        break;
      case 'additionalProperties': {
        const name = String(p.additionalProperty);
        issue = REACTIONS_POINTER.test(e.instancePath)
          ? {
              path: fieldPath(e.instancePath, name),
              code: 'esas_reaction_unknown',
              params: { name, version },
            }
          : { path: fieldPath(e.instancePath, name), code: 'field_unknown' };
        break;
      }
      case 'type':
        issue = { path: fieldPath(e.instancePath), code: 'field_type', params: { expected: String(p.type) } };
        break;
      case 'enum':
        issue = {
          path: fieldPath(e.instancePath),
          code: 'field_enum',
          params: { options: ((p.allowedValues as unknown[]) ?? []).join(', ') },
        };
        break;
      case 'const':
        issue = {
          path: fieldPath(e.instancePath),
          code: 'field_enum',
          params: { options: String(p.allowedValue) },
        };
        break;
      case 'format':
        issue = {
          path: fieldPath(e.instancePath),
          code: p.format === 'date' ? 'field_date' : p.format === 'uuid' ? 'field_uuid' : 'field_format',
        };
        break;
      case 'minLength':
      case 'minimum':
        issue = {
          path: fieldPath(e.instancePath),
          code: 'field_too_short',
          params: { minimum: Number(p.limit) },
        };
        break;
      case 'maxLength':
      case 'maximum':
        issue = {
          path: fieldPath(e.instancePath),
          code: 'field_too_long',
          params: { maximum: Number(p.limit) },
        };
        break;
      case 'minItems':
        issue = {
          path: fieldPath(e.instancePath),
          code: 'field_too_few',
          params: { minimum: Number(p.limit) },
        };
        break;
      case 'maxItems':
        issue = {
          path: fieldPath(e.instancePath),
          code: 'field_too_many',
          params: { maximum: Number(p.limit) },
        };
        break;
      case 'oneOf':
        issue = { path: fieldPath(e.instancePath), code: 'field_one_of' };
        break;
      case 'if':
        // The "then" branch that failed has reported its own error.
        continue;
      default:
        issue = { path: fieldPath(e.instancePath), code: 'field_format' };
    }
    const key = `${issue.path}|${issue.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out;
}
