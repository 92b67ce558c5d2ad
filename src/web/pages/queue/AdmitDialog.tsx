import { Paragraph, Select } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { api } from '../../api.ts';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { FacilityDetail, FacilityKind, PersonDetail, QueueItem } from '../../types.ts';
import { SecurityFit } from '../security/SecurityFit.tsx';
import { ActionDialog } from './ActionDialog.tsx';
import { FacilityOptions } from './FacilityOptions.tsx';
import { fetchFacilities } from './facilities.ts';
import { useSubmit } from './useSubmit.ts';

const PLACES: FacilityKind[] = ['prison_high', 'prison_lower', 'halfway_house'];

type Props = {
  item: QueueItem;
  onDone: (message: string) => void;
  onClose: () => void;
  onConflict: () => void;
};

/** Admission: choose a facility, then a department, then one of its free beds. */
export function AdmitDialog({ item, onDone, onClose, onConflict }: Props) {
  const { t } = useI18n();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const facilities = useApi((signal) => fetchFacilities(PLACES, signal), []);
  const [facilityId, setFacilityId] = useState(item.appearanceFacility?.id ?? '');
  const [departmentId, setDepartmentId] = useState('');
  const [bedId, setBedId] = useState('');
  const [missing, setMissing] = useState({ facilityId: false, departmentId: false, bedId: false });
  const submit = useSubmit(['bedId'] as const);

  const facility = useApi(
    facilityId
      ? (signal) => api.get<FacilityDetail>(`/facilities/${encodeURIComponent(facilityId)}`, {}, signal)
      : null,
    [facilityId],
  );
  const detail = facility.data?.id === facilityId ? facility.data : undefined;
  const department = detail?.departments.find((d) => d.id === departmentId);
  // Only beds a person may be placed in: free, and under single occupancy in an empty cell.
  const freeBeds = (department?.cells ?? []).flatMap((cell) =>
    cell.beds.filter((bed) => bed.usable).map((bed) => ({ bed, cell })),
  );

  // After a refresh the chosen bed may have been taken: then nothing is chosen.
  const chosenBed = freeBeds.some(({ bed }) => bed.id === bedId) ? bedId : '';

  const chooseFacility = (id: string) => {
    setFacilityId(id);
    setDepartmentId('');
    setBedId('');
  };
  const chooseDepartment = (id: string) => {
    setDepartmentId(id);
    setBedId('');
  };

  const onSubmit = async () => {
    const empty = { facilityId: !facilityId, departmentId: !departmentId, bedId: !chosenBed };
    setMissing(empty);
    if (empty.facilityId || empty.departmentId || empty.bedId) return;
    const result = await submit.run(() =>
      api.post<PersonDetail>(`/sentences/${encodeURIComponent(item.sentenceId)}/admission`, {
        version: item.version,
        bedId: chosenBed,
      }),
    );
    if (!result) {
      // A bed taken or the sentence changed by someone else: fresh data for the next try.
      facility.reload();
      onConflict();
      return;
    }
    dialogRef.current?.close();
    const name = `${result.givenName} ${result.familyName}`;
    onDone(t('admit.ok', { name, facility: result.placement?.facility.name ?? detail?.name ?? '' }));
  };

  return (
    <ActionDialog
      dialogRef={dialogRef}
      title={t('admit.title')}
      item={item}
      submitLabel={t('admit.submit')}
      busy={submit.busy}
      error={submit.formError ?? facilities.error ?? facility.error}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <SelectField
        label={t('admit.facility')}
        value={facilityId}
        onChange={chooseFacility}
        disabled={facilities.loading}
        error={missing.facilityId && !facilityId ? t('admit.facilityRequired') : undefined}
      >
        <Select.Option value="">
          {facilities.loading ? t('common.loading') : t('admit.chooseFacility')}
        </Select.Option>
        <FacilityOptions facilities={facilities.data ?? []} kinds={PLACES} />
      </SelectField>
      {facilityId && !detail && facility.loading && <Loading />}
      {detail && (
        <SelectField
          label={t('admit.department')}
          value={departmentId}
          onChange={chooseDepartment}
          error={missing.departmentId && !departmentId ? t('admit.departmentRequired') : undefined}
        >
          <Select.Option value="">{t('admit.chooseDepartment')}</Select.Option>
          {detail.departments.map((d) => (
            <Select.Option key={d.id} value={d.id}>
              {t('admit.departmentOption', {
                name: d.name,
                free: d.cells.reduce((sum, cell) => sum + cell.beds.filter((bed) => bed.usable).length, 0),
              })}
            </Select.Option>
          ))}
        </SelectField>
      )}
      {department && (
        <SecurityFit personId={item.person.id} facilityId={facilityId} departmentId={department.id} />
      )}
      {department &&
        (freeBeds.length === 0 ? (
          <Paragraph role="status">{t('admit.noFreeBeds')}</Paragraph>
        ) : (
          <SelectField
            label={t('admit.bed')}
            value={chosenBed}
            onChange={setBedId}
            error={missing.bedId && !chosenBed ? t('admit.bedRequired') : submit.fieldErrors.bedId}
          >
            <Select.Option value="">{t('admit.chooseBed')}</Select.Option>
            {freeBeds.map(({ bed, cell }) => (
              <Select.Option key={bed.id} value={bed.id}>
                {t('admit.bedOption', { cell: cell.number, bed: bed.label })}
              </Select.Option>
            ))}
          </SelectField>
        ))}
    </ActionDialog>
  );
}
