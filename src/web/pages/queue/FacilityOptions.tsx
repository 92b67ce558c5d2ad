import { Select } from '@digdir/designsystemet-react';
import { useT } from '../../i18n/index.tsx';
import type { FacilityKind, FacilitySummary } from '../../types.ts';

/** Facilities as <option>s, grouped by kind. */
export function FacilityOptions({
  facilities,
  kinds,
}: {
  facilities: FacilitySummary[];
  kinds: FacilityKind[];
}) {
  const t = useT();
  return kinds.map((kind) => {
    const group = facilities.filter((facility) => facility.kind === kind);
    if (group.length === 0) return null;
    return (
      <Select.Optgroup key={kind} label={t(`facilityKind.${kind}`)}>
        {group.map((facility) => (
          <Select.Option key={facility.id} value={facility.id}>
            {facility.name}
          </Select.Option>
        ))}
      </Select.Optgroup>
    );
  });
}
