import { Tag } from '@digdir/designsystemet-react';
import { useT } from '../../i18n/index.tsx';
import type { ReceiptStatus } from '../../types.ts';

export const RECEIPT_STATUSES: ReceiptStatus[] = [
  'MOTTATT',
  'UNDER_MOTTAK',
  'FEILET_AVSENDER_TEKNISK',
  'FEILET_AVSENDER_MANGLER',
  'FEILET_MOTTAKER',
];

// Colour only supports the text: the tag says the status in words.
const color: Record<ReceiptStatus, string> = {
  MOTTATT: 'success',
  UNDER_MOTTAK: 'info',
  FEILET_AVSENDER_TEKNISK: 'danger',
  FEILET_AVSENDER_MANGLER: 'warning',
  FEILET_MOTTAKER: 'danger',
};

export function ReceiptTag({ status }: { status: ReceiptStatus }) {
  const t = useT();
  return <Tag data-color={color[status]}>{t(`receiptStatus.${status}`)}</Tag>;
}
