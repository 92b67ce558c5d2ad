import { Button, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { SelectField } from './SelectField.tsx';

export type DueFilterValue = { facilityId: string; withinDays: string };

/**
 * The filter of the "what falls due" lists: a facility from the caller's scope and a number of
 * days ahead, applied on submit. `allLabel` adds a first choice for every facility.
 */
export function DueFilter({
  labels,
  facilities,
  allLabel,
  value,
  onChange,
  onApply,
}: {
  labels: { facility: string; within: string; show: string };
  facilities: readonly { id: string; name: string }[] | undefined;
  allLabel?: string;
  value: DueFilterValue;
  onChange: (value: DueFilterValue) => void;
  onApply: (value: DueFilterValue) => void;
}) {
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply(value);
  };
  return (
    <form className="form field-row" onSubmit={onSubmit} noValidate>
      <SelectField
        label={labels.facility}
        value={value.facilityId}
        onChange={(facilityId) => onChange({ ...value, facilityId })}
      >
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {facilities?.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name}
          </option>
        ))}
      </SelectField>
      <Textfield
        type="number"
        min={0}
        max={366}
        label={labels.within}
        value={value.withinDays}
        onChange={(e) => onChange({ ...value, withinDays: e.target.value })}
      />
      <div>
        <Button type="submit">{labels.show}</Button>
      </div>
    </form>
  );
}

/** The draft the form edits and the filter applied, starting at 30 days. */
export function useDueFilter() {
  const [draft, setDraft] = useState<DueFilterValue>({ facilityId: '', withinDays: '30' });
  const [filter, setFilter] = useState(draft);
  return { draft, setDraft, filter, setFilter };
}
