import { Select, Textfield } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { api } from '../../api.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { addDays, formatDate, todayInOslo } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { FacilityKind, QueueItem } from '../../types.ts';
import { ActionDialog } from './ActionDialog.tsx';
import { FacilityOptions } from './FacilityOptions.tsx';
import { fetchFacilities } from './facilities.ts';
import { useSubmit } from './useSubmit.ts';

const PRISONS: FacilityKind[] = ['prison_high', 'prison_lower'];
// The regulation's minimum notice (FOR-2010-03-19-408); only a suggestion here, the server decides.
const NOTICE_DAYS = 21;

type Props = { item: QueueItem; onDone: (message: string) => void; onClose: () => void };

export function SummonsDialog({ item, onDone, onClose }: Props) {
  const { t, locale } = useI18n();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const facilities = useApi((signal) => fetchFacilities(PRISONS, signal), []);
  const [facilityId, setFacilityId] = useState(item.appearanceFacility?.id ?? '');
  const [appearanceDate, setAppearanceDate] = useState(addDays(todayInOslo(), NOTICE_DAYS));
  const [missing, setMissing] = useState({ facilityId: false, appearanceDate: false });
  const submit = useSubmit(['facilityId', 'appearanceDate'] as const);

  const onSubmit = async () => {
    const empty = { facilityId: !facilityId, appearanceDate: !appearanceDate };
    setMissing(empty);
    if (empty.facilityId || empty.appearanceDate) return;
    const result = await submit.run(() =>
      api.post<QueueItem>(`/sentences/${encodeURIComponent(item.sentenceId)}/summons`, {
        version: item.version,
        facilityId,
        appearanceDate,
      }),
    );
    if (!result) return;
    dialogRef.current?.close();
    const name = `${item.person.givenName} ${item.person.familyName}`;
    onDone(t('summons.ok', { name, date: formatDate(result.appearanceDate ?? appearanceDate, locale) }));
  };

  return (
    <ActionDialog
      dialogRef={dialogRef}
      title={t('summons.title')}
      item={item}
      submitLabel={t('summons.submit')}
      busy={submit.busy}
      error={submit.formError ?? facilities.error}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <SelectField
        label={t('summons.facility')}
        value={facilityId}
        onChange={setFacilityId}
        disabled={facilities.loading}
        error={missing.facilityId ? t('summons.facilityRequired') : submit.fieldErrors.facilityId}
      >
        <Select.Option value="">
          {facilities.loading ? t('common.loading') : t('summons.chooseFacility')}
        </Select.Option>
        <FacilityOptions facilities={facilities.data ?? []} kinds={PRISONS} />
      </SelectField>
      <Textfield
        type="date"
        label={t('summons.date')}
        description={t('summons.dateHelp')}
        value={appearanceDate}
        onChange={(event) => setAppearanceDate(event.target.value)}
        error={missing.appearanceDate ? t('summons.dateRequired') : submit.fieldErrors.appearanceDate}
      />
    </ActionDialog>
  );
}
