import { api } from '../../api.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { FacilityOption } from './types.ts';

/** The prisons and halfway houses in the user's scope; picks the first when none is chosen. */
export function useFacilities() {
  return useApi((signal) => api.get<{ items: FacilityOption[] }>('/health/facilities', {}, signal), []);
}

export function FacilityPicker({
  facilities,
  value,
  onChange,
}: {
  facilities: FacilityOption[];
  value: string;
  onChange: (id: string) => void;
}) {
  const { t } = useI18n();
  return (
    <SelectField label={t('health.facility')} value={value} onChange={onChange}>
      <option value="">{t('health.chooseFacility')}</option>
      {facilities.map((f) => (
        <option key={f.id} value={f.id}>
          {f.name} ({f.code})
        </option>
      ))}
    </SelectField>
  );
}
