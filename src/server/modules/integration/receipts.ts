import { randomUUID } from 'node:crypto';
import type { ReceiptStatus } from '../../db/types.ts';
import type { FieldError } from '../../shared/errors.ts';
import { message } from '../../shared/messages.ts';

// Receipts (ESAS KVITTERING 1.0, contracts/felles/kvittering): every message is answered with one.
//  UNDER_MOTTAK            received, not yet processed (another copy of it is being processed now)
//  MOTTATT                 all is well; no further receipt follows
//  FEILET_AVSENDER_TEKNISK the sender's fault (format, signature, contract, impossible content);
//                          `beskrivelse` names every field at fault
//  FEILET_MOTTAKER         our fault (a bug, no keys configured, the database down); the same
//                          message may be sent again and is then processed again
// FEILET_AVSENDER_MANGLER is for a case worker's manual rejection, which Varde does not do yet.

/** A problem found with a message; `fault: 'receiver'` marks our own. */
export interface Issue extends FieldError {
  fault?: 'receiver';
}

export interface Receipt {
  meldingsId: string;
  meldingsIdRef: string;
  status: ReceiptStatus;
  beskrivelse?: string;
  saksRef?: string;
}

export function statusFor(issues: readonly Issue[]): ReceiptStatus {
  return issues.some((i) => i.fault === 'receiver') ? 'FEILET_MOTTAKER' : 'FEILET_AVSENDER_TEKNISK';
}

const MAX_DESCRIPTION = 4000;

/**
 * The receipt's description, in Norwegian (the language of the sector's hub): one
 * "field: what is wrong" per issue, the contract first when the message got that far.
 */
export function describe(issues: readonly Issue[], contract?: string): string {
  const lines = issues.map((i) => `${i.path}: ${message(i.code, 'nb', i.params ?? {})}`);
  let text = (contract ? `${contract}: ` : '') + lines.join(' | ');
  if (text.length > MAX_DESCRIPTION) text = `${text.slice(0, MAX_DESCRIPTION - 1)}…`;
  return text;
}

export function makeReceipt(
  ref: string,
  status: ReceiptStatus,
  extra: { beskrivelse?: string; saksRef?: string } = {},
): Receipt {
  const receipt: Receipt = { meldingsId: randomUUID(), meldingsIdRef: ref, status };
  if (extra.beskrivelse) receipt.beskrivelse = extra.beskrivelse;
  if (extra.saksRef) receipt.saksRef = extra.saksRef;
  return receipt;
}

/** How the machine inbox answers each receipt over HTTP; the body is always the receipt. */
export function httpStatusOf(status: ReceiptStatus): number {
  switch (status) {
    case 'MOTTATT':
      return 200;
    case 'UNDER_MOTTAK':
      return 202;
    case 'FEILET_MOTTAKER':
      return 503;
    default:
      return 422;
  }
}
