import {
  Button,
  Checkbox,
  Fieldset,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { SelectField } from '../../components/SelectField.tsx';
import { useI18n } from '../../i18n/index.tsx';
import type { SentenceKind } from '../../types.ts';
import { EVENT_TYPES, type EventType, OFFENCE_GROUPS, type OffenceGroup } from '../keydates/types.ts';
import {
  type CalculatorState,
  type Errors,
  type EventRow,
  inputId,
  newIsolation,
  REQUIRED,
  type RemandRow,
  SENTENCE_KINDS,
  type SentenceRow,
  sentenceFields,
  type Unit,
  type Update,
} from './model.ts';

type RowProps<R> = { row: R; index: number; update: Update; errorFor: Errors };

/** One sentence: its kind, and the lengths and offence groups that kind has. */
export function SentenceFields({
  row,
  index,
  state,
  update,
  errorFor,
}: RowProps<SentenceRow> & { state: CalculatorState }) {
  const { t } = useI18n();
  const base = `sentences.${index}`;
  const fields = sentenceFields(row.kind);
  const set = (patch: Partial<SentenceRow>) =>
    update((s) => ({
      ...s,
      sentences: s.sentences.map((x) => (x.uid === row.uid ? { ...x, ...patch } : x)),
    }));
  const remove = () =>
    update((s) => ({ ...s, sentences: s.sentences.filter((x) => x.uid !== row.uid) }), 'addSentence');
  const unitText = row.unit === 'months' ? t('calc.inMonths') : t('calc.inDays');

  const number = (field: 'term' | 'minimumTerm' | 'frame' | 'hours' | 'substituteDays', label: string) => (
    <Textfield
      id={inputId(`${base}.${field}`)}
      label={label}
      inputMode="numeric"
      autoComplete="off"
      value={row[field]}
      onChange={(e) => set({ [field]: e.target.value })}
      error={errorFor(`${base}.${field}`)}
      required={REQUIRED[row.kind] === field}
    />
  );

  const toggleGroup = (group: OffenceGroup, on: boolean) =>
    set({
      offenceGroups: on
        ? OFFENCE_GROUPS.filter((g) => g === group || row.offenceGroups.includes(g))
        : row.offenceGroups.filter((g) => g !== group),
    });

  return (
    <Fieldset className="calc-group" id={inputId(base)} tabIndex={-1}>
      <Fieldset.Legend>{t('calc.sentenceN', { n: index + 1 })}</Fieldset.Legend>
      {errorFor(base) && <ValidationMessage>{errorFor(base)}</ValidationMessage>}
      <div className="field-row">
        <SelectField
          id={inputId(`${base}.kind`)}
          label={t('calc.kind')}
          value={row.kind}
          onChange={(value) => set({ kind: value as SentenceKind })}
          error={errorFor(`${base}.kind`)}
        >
          {SENTENCE_KINDS.map((kind) => (
            <Select.Option key={kind} value={kind}>
              {t(`kind.${kind}`)}
            </Select.Option>
          ))}
        </SelectField>
        {fields.includes('unit') && (
          <SelectField
            id={inputId(`${base}.unit`)}
            label={t('calc.unit')}
            value={row.unit}
            onChange={(value) => set({ unit: value as Unit })}
          >
            <Select.Option value="days">{t('calc.days')}</Select.Option>
            <Select.Option value="months">{t('calc.months')}</Select.Option>
          </SelectField>
        )}
        {fields.includes('term') && number('term', `${t('calc.term')} (${unitText})`)}
        {fields.includes('minimumTerm') && number('minimumTerm', `${t('calc.minimumTerm')} (${unitText})`)}
        {fields.includes('frame') && number('frame', `${t('calc.frame')} (${unitText})`)}
        {fields.includes('hours') && number('hours', t('calc.hours'))}
        {fields.includes('substituteDays') && number('substituteDays', t('calc.substituteDays'))}
      </div>
      {fields.includes('offenceGroups') && (
        <Fieldset className="calc-checks" id={inputId(`${base}.offenceGroups`)} tabIndex={-1}>
          <Fieldset.Legend>{t('calc.offenceGroups')}</Fieldset.Legend>
          <Fieldset.Description>{t('calc.offenceGroupsHelp')}</Fieldset.Description>
          {OFFENCE_GROUPS.map((group) => (
            <Checkbox
              key={group}
              label={t(`offenceGroup.${group}`)}
              value={group}
              checked={row.offenceGroups.includes(group)}
              onChange={(e) => toggleGroup(group, e.target.checked)}
            />
          ))}
          {errorFor(`${base}.offenceGroups`) && (
            <ValidationMessage>{errorFor(`${base}.offenceGroups`)}</ValidationMessage>
          )}
        </Fieldset>
      )}
      {state.sentences.length > 1 && (
        <div>
          <Button type="button" variant="tertiary" data-size="sm" onClick={remove}>
            {t('calc.removeSentence', { n: index + 1 })}
          </Button>
        </div>
      )}
    </Fieldset>
  );
}

/** One period of custody, with its periods of full isolation. */
export function RemandFields({ row, index, update, errorFor }: RowProps<RemandRow>) {
  const { t } = useI18n();
  const base = `remandPeriods.${index}`;
  const set = (change: (r: RemandRow) => RemandRow, focus?: string) =>
    update((s) => ({ ...s, remand: s.remand.map((x) => (x.uid === row.uid ? change(x) : x)) }), focus);
  const remove = () =>
    update((s) => ({ ...s, remand: s.remand.filter((x) => x.uid !== row.uid) }), 'addRemand');

  return (
    <Fieldset className="calc-group" id={inputId(base)} tabIndex={-1}>
      <Fieldset.Legend>{t('calc.remandN', { n: index + 1 })}</Fieldset.Legend>
      {errorFor(base) && <ValidationMessage>{errorFor(base)}</ValidationMessage>}
      <div className="field-row">
        <Textfield
          id={inputId(`${base}.arrestedAt`)}
          type="datetime-local"
          label={t('calc.arrestedAt')}
          value={row.arrestedAt}
          onChange={(e) => set((r) => ({ ...r, arrestedAt: e.target.value }))}
          error={errorFor(`${base}.arrestedAt`)}
          required
        />
        <Textfield
          id={inputId(`${base}.releasedAt`)}
          type="datetime-local"
          label={t('calc.releasedAt')}
          description={t('calc.releasedAtHelp')}
          value={row.releasedAt}
          onChange={(e) => set((r) => ({ ...r, releasedAt: e.target.value }))}
          error={errorFor(`${base}.releasedAt`)}
        />
      </div>
      {row.isolation.map((iso, j) => {
        const path = `${base}.isolation.${j}`;
        const setIso = (patch: { from?: string; to?: string }) =>
          set((r) => ({
            ...r,
            isolation: r.isolation.map((x) => (x.uid === iso.uid ? { ...x, ...patch } : x)),
          }));
        return (
          <Fieldset key={iso.uid} className="calc-subgroup">
            <Fieldset.Legend>{t('calc.isolationN', { n: j + 1 })}</Fieldset.Legend>
            <div className="field-row field-row--end">
              <Textfield
                id={inputId(`${path}.from`)}
                type="date"
                label={t('calc.isolationFrom')}
                value={iso.from}
                onChange={(e) => setIso({ from: e.target.value })}
                error={errorFor(`${path}.from`)}
                required
              />
              <Textfield
                id={inputId(`${path}.to`)}
                type="date"
                label={t('calc.isolationTo')}
                value={iso.to}
                onChange={(e) => setIso({ to: e.target.value })}
                error={errorFor(`${path}.to`)}
                required
              />
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                onClick={() =>
                  set(
                    (r) => ({ ...r, isolation: r.isolation.filter((x) => x.uid !== iso.uid) }),
                    `${base}.addIsolation`,
                  )
                }
              >
                {t('calc.removeIsolation', { n: j + 1 })}
              </Button>
            </div>
          </Fieldset>
        );
      })}
      <div className="buttons">
        <Button
          type="button"
          variant="secondary"
          data-size="sm"
          id={inputId(`${base}.addIsolation`)}
          onClick={() =>
            set(
              (r) => ({ ...r, isolation: [...r.isolation, newIsolation()] }),
              `${base}.isolation.${row.isolation.length}.from`,
            )
          }
        >
          {t('calc.addIsolation')}
        </Button>
        <Button type="button" variant="tertiary" data-size="sm" onClick={remove}>
          {t('calc.removeRemand', { n: index + 1 })}
        </Button>
      </div>
    </Fieldset>
  );
}

/** One event during execution: start, escape and return, interruption, remand in another case. */
export function EventFields({ row, index, update, errorFor }: RowProps<EventRow>) {
  const { t } = useI18n();
  const base = `events.${index}`;
  const set = (patch: Partial<EventRow>) =>
    update((s) => ({ ...s, events: s.events.map((x) => (x.uid === row.uid ? { ...x, ...patch } : x)) }));
  const remove = () =>
    update((s) => ({ ...s, events: s.events.filter((x) => x.uid !== row.uid) }), 'addEvent');

  return (
    <Fieldset className="calc-group" id={inputId(base)} tabIndex={-1}>
      <Fieldset.Legend>{t('calc.eventN', { n: index + 1 })}</Fieldset.Legend>
      {errorFor(base) && <ValidationMessage>{errorFor(base)}</ValidationMessage>}
      <div className="field-row field-row--end">
        <SelectField
          id={inputId(`${base}.type`)}
          label={t('calc.eventType')}
          value={row.type}
          onChange={(value) => set({ type: value as EventType })}
          error={errorFor(`${base}.type`)}
        >
          {EVENT_TYPES.map((type) => (
            <Select.Option key={type} value={type}>
              {t(`event.${type}`)}
            </Select.Option>
          ))}
        </SelectField>
        <Textfield
          id={inputId(`${base}.date`)}
          type="date"
          label={t('calc.eventDate')}
          value={row.date}
          onChange={(e) => set({ date: e.target.value })}
          error={errorFor(`${base}.date`)}
          required
        />
        <Button type="button" variant="tertiary" data-size="sm" onClick={remove}>
          {t('calc.removeEvent', { n: index + 1 })}
        </Button>
      </div>
    </Fieldset>
  );
}
