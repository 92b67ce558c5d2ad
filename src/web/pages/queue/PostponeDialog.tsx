import { Select, Textfield } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { api } from '../../api.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { PostponementReason, QueueItem } from '../../types.ts';
import { ActionDialog } from './ActionDialog.tsx';
import { useSubmit } from './useSubmit.ts';

const REASONS: PostponementReason[] = ['pardon', 'illness', 'pregnancy', 'infant', 'other'];

type Props = { item: QueueItem; onDone: (message: string) => void; onClose: () => void };

export function PostponeDialog({ item, onDone, onClose }: Props) {
  const { t, locale } = useI18n();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState({ reason: false, until: false });
  const submit = useSubmit(['reason', 'until', 'note'] as const);

  const onSubmit = async () => {
    const empty = { reason: !reason, until: !until };
    setMissing(empty);
    if (empty.reason || empty.until) return;
    const trimmed = note.trim();
    const result = await submit.run(() =>
      api.post<QueueItem>(`/sentences/${encodeURIComponent(item.sentenceId)}/postponements`, {
        version: item.version,
        reason,
        until,
        ...(trimmed ? { note: trimmed } : {}),
      }),
    );
    if (!result) return;
    dialogRef.current?.close();
    const name = `${item.person.givenName} ${item.person.familyName}`;
    onDone(t('postpone.ok', { name, date: formatDate(result.postponedUntil ?? until, locale) }));
  };

  return (
    <ActionDialog
      dialogRef={dialogRef}
      title={t('postpone.title')}
      item={item}
      submitLabel={t('postpone.submit')}
      busy={submit.busy}
      error={submit.formError}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <SelectField
        label={t('postpone.reason')}
        value={reason}
        onChange={setReason}
        error={missing.reason ? t('postpone.reasonRequired') : submit.fieldErrors.reason}
      >
        <Select.Option value="">{t('postpone.chooseReason')}</Select.Option>
        {REASONS.map((code) => (
          <Select.Option key={code} value={code}>
            {t(`reason.${code}`)}
          </Select.Option>
        ))}
      </SelectField>
      <Textfield
        type="date"
        label={t('postpone.until')}
        value={until}
        onChange={(event) => setUntil(event.target.value)}
        error={missing.until ? t('postpone.untilRequired') : submit.fieldErrors.until}
      />
      <Textfield
        multiline
        rows={3}
        label={t('postpone.note')}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={submit.fieldErrors.note}
      />
    </ActionDialog>
  );
}
