import { Alert, Button, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { api } from '../../api.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { label } from '../incidents/labels.ts';
import { ReleaseDecisionSection } from './ReleaseDecisionSection.tsx';
import { type Checklist, type ChecklistItem, ITEM_STATUSES } from './types.ts';

function ItemForm({
  checklistId,
  item,
  onSaved,
}: {
  checklistId: string;
  item: ChecklistItem;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState({
    status: item.status as string,
    owner: item.owner,
    dueDate: item.dueDate ?? '',
    note: item.note,
  });
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);
  const area = label(t, 'release.area', item.area);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      await api.post(`/release/checklists/${checklistId}/items/${item.id}`, {
        version: item.version,
        status: form.status,
        owner: form.owner,
        dueDate: form.dueDate || null,
        note: form.note,
      });
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby={`area-${item.id}`} className="checklist-item" data-testid={`item-${item.area}`}>
      <Heading level={2} data-size="sm" id={`area-${item.id}`}>
        {area} {item.flag && <Tag data-color="danger">{label(t, 'release.flag', item.flag)}</Tag>}
      </Heading>
      <form className="form field-row" onSubmit={submit} noValidate>
        <SelectField
          label={t('release.status')}
          value={form.status}
          onChange={(status) => setForm({ ...form, status })}
        >
          {ITEM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {label(t, 'release.status', s)}
            </option>
          ))}
        </SelectField>
        <Textfield
          label={t('release.owner')}
          value={form.owner}
          onChange={(e) => setForm({ ...form, owner: e.target.value })}
        />
        <Textfield
          type="date"
          label={t('release.dueDate')}
          value={form.dueDate}
          onChange={(e) => setForm({ ...form, dueDate: e.target.value })}
        />
        <Textfield
          label={t('release.note')}
          value={form.note}
          onChange={(e) => setForm({ ...form, note: e.target.value })}
        />
        <div>
          <Button type="submit">{t('release.save', { area })}</Button>
        </div>
      </form>
      {saved && <Alert data-color="success">{t('release.saved', { area })}</Alert>}
      {error !== undefined && <ErrorAlert error={error} />}
    </section>
  );
}

/** One person's release checklist: each area with status, owner, due date and note. */
export function ChecklistPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const c = useApi((signal) => api.get<Checklist>(`/release/checklists/${id}`, {}, signal), [id]);
  useDocumentTitle(c.data ? t('release.checklistHeading', { name: c.data.person.name }) : t('release.title'));
  if (c.error !== undefined) return <ErrorAlert error={c.error} />;
  if (!c.data) return <Loading />;
  const data = c.data;
  return (
    <>
      <Paragraph>
        <AppLink to="/loslatelse">{t('release.back')}</AppLink>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t('release.checklistHeading', { name: data.person.name })}
      </Heading>
      <Paragraph>
        {t('release.releaseLine', {
          date: formatDate(data.releaseDate, locale),
          days: data.daysToRelease,
          facility: data.facility.name,
        })}
      </Paragraph>
      {data.items.map((item) => (
        <ItemForm key={item.id} checklistId={data.id} item={item} onSaved={c.reload} />
      ))}
      <ReleaseDecisionSection checklist={data} />
    </>
  );
}
