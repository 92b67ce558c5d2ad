import { Alert, Button, Dialog, Heading, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useId, useRef, useState } from 'react';
import { api } from '../../api.ts';
import { errorMessage } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { FacilityDetail, FacilityKind, PersonDetail } from '../../types.ts';
import { FacilityOptions } from '../queue/FacilityOptions.tsx';
import { fetchFacilities } from '../queue/facilities.ts';
import { useSubmit } from '../queue/useSubmit.ts';
import { SecurityFit } from '../security/SecurityFit.tsx';
import type { MoveResult } from './types.ts';

const PLACES: FacilityKind[] = ['prison_high', 'prison_lower', 'halfway_house'];

type Props = {
  person: PersonDetail;
  today: string;
  onDone: (message: string) => void;
  onClose: () => void;
};

/**
 * Moves a placed inmate to a bed in this facility or another. The server applies the rules of
 * infection control and answers with the reason when it refuses; that reason is shown at the top.
 */
export function MoveDialog({ person, today, onDone, onClose }: Props) {
  const { t } = useI18n();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const aboutId = useId();
  const placement = person.placement;
  const facilities = useApi((signal) => fetchFacilities(PLACES, signal), []);
  const [facilityId, setFacilityId] = useState(placement?.facility.id ?? '');
  const [departmentId, setDepartmentId] = useState(placement?.department?.id ?? '');
  const [bedId, setBedId] = useState('');
  const [on, setOn] = useState(today);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState({ facilityId: false, departmentId: false, bedId: false });
  const submit = useSubmit(['toBedId', 'on', 'reason'] as const);

  const facility = useApi(
    facilityId
      ? (signal) => api.get<FacilityDetail>(`/facilities/${encodeURIComponent(facilityId)}`, {}, signal)
      : null,
    [facilityId],
  );
  const detail = facility.data?.id === facilityId ? facility.data : undefined;
  const department = detail?.departments.find((d) => d.id === departmentId);
  const beds = (department?.cells ?? []).flatMap((cell) =>
    cell.beds.filter((bed) => bed.usable).map((bed) => ({ bed, cell })),
  );
  const chosenBed = beds.some(({ bed }) => bed.id === bedId) ? bedId : '';

  if (!placement) return null;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (submit.busy) return;
    const empty = { facilityId: !facilityId, departmentId: !departmentId, bedId: !chosenBed };
    setMissing(empty);
    if (empty.facilityId || empty.departmentId || empty.bedId) return;
    const result = await submit.run(() =>
      api.post<MoveResult>(`/people/${encodeURIComponent(person.id)}/moves`, {
        placementId: placement.id,
        toBedId: chosenBed,
        on,
        reason: reason.trim() || undefined,
      }),
    );
    if (!result) {
      facility.reload();
      return;
    }
    dialogRef.current?.close();
    const values = {
      facility: result.to.facility.name,
      cell: result.to.cell.number,
      bed: result.to.bed.label,
    };
    onDone(t(result.transfer ? 'move.transferOk' : 'move.ok', values));
  };

  return (
    <Dialog
      ref={dialogRef}
      open
      onClose={onClose}
      aria-labelledby={titleId}
      aria-describedby={aboutId}
      closeButton={t('common.closeDialog')}
    >
      <Dialog.Block>
        <Heading level={2} data-size="sm" id={titleId}>
          {t('move.title')}
        </Heading>
        <Paragraph id={aboutId}>
          {t('move.about', {
            name: `${person.givenName} ${person.familyName}`,
            facility: placement.facility.name,
            cell: placement.cell?.number ?? '–',
            bed: placement.bed?.label ?? '–',
          })}
        </Paragraph>
      </Dialog.Block>
      <Dialog.Block>
        <form className="form" onSubmit={onSubmit} noValidate>
          {submit.formError !== undefined && (
            <Alert data-color="danger" role="alert">
              <Heading level={3} data-size="xs">
                {t('move.refused')}
              </Heading>
              <Paragraph>{errorMessage(submit.formError, t)}</Paragraph>
            </Alert>
          )}
          {(facilities.error ?? facility.error) !== undefined && (
            <Alert data-color="danger" role="alert">
              <Paragraph>{errorMessage(facilities.error ?? facility.error, t)}</Paragraph>
            </Alert>
          )}
          <SelectField
            label={t('move.facility')}
            value={facilityId}
            onChange={(id) => {
              setFacilityId(id);
              setDepartmentId('');
              setBedId('');
            }}
            disabled={facilities.loading}
            error={missing.facilityId && !facilityId ? t('move.facilityRequired') : undefined}
          >
            <Select.Option value="">
              {facilities.loading ? t('common.loading') : t('move.chooseFacility')}
            </Select.Option>
            <FacilityOptions facilities={facilities.data ?? []} kinds={PLACES} />
          </SelectField>
          {facilityId && !detail && facility.loading && <Loading />}
          {detail && (
            <SelectField
              label={t('move.department')}
              value={departmentId}
              onChange={(id) => {
                setDepartmentId(id);
                setBedId('');
              }}
              error={missing.departmentId && !departmentId ? t('move.departmentRequired') : undefined}
            >
              <Select.Option value="">{t('move.chooseDepartment')}</Select.Option>
              {detail.departments.map((d) => (
                <Select.Option key={d.id} value={d.id}>
                  {t('admit.departmentOption', {
                    name: d.name,
                    free: d.cells.reduce(
                      (sum, cell) => sum + cell.beds.filter((bed) => bed.usable).length,
                      0,
                    ),
                  })}
                </Select.Option>
              ))}
            </SelectField>
          )}
          {department && (
            <SecurityFit personId={person.id} facilityId={facilityId} departmentId={department.id} />
          )}
          {department &&
            (beds.length === 0 ? (
              <Paragraph role="status">{t('move.noBeds')}</Paragraph>
            ) : (
              <SelectField
                label={t('move.bed')}
                value={chosenBed}
                onChange={setBedId}
                error={missing.bedId && !chosenBed ? t('move.bedRequired') : submit.fieldErrors.toBedId}
              >
                <Select.Option value="">{t('move.chooseBed')}</Select.Option>
                {beds.map(({ bed, cell }) => (
                  <Select.Option key={bed.id} value={bed.id}>
                    {t('admit.bedOption', { cell: cell.number, bed: bed.label })}
                  </Select.Option>
                ))}
              </SelectField>
            ))}
          <Textfield
            type="date"
            label={t('move.on')}
            value={on}
            max={today}
            onChange={(event) => setOn(event.target.value)}
            error={submit.fieldErrors.on}
          />
          <Textfield
            multiline
            rows={3}
            label={t('move.reason')}
            description={t('move.reasonHelp')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={submit.fieldErrors.reason}
          />
          <div className="buttons">
            <Button type="submit" loading={submit.busy}>
              {t('move.submit')}
            </Button>
            <Button type="button" variant="secondary" onClick={() => dialogRef.current?.close()}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}
