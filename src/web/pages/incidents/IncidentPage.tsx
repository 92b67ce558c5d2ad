import { Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useId, useState } from 'react';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Facts } from '../../components/Facts.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { addDays, formatDate, formatDateTime, todayInOslo } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSubmit } from '../queue/useSubmit.ts';
import { severityColor } from './IncidentsPage.tsx';
import { label } from './labels.ts';
import type { Incident } from './types.ts';

/** One incident: what happened, who was involved, the follow-up actions and the closure. */
export function IncidentPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const [current, setCurrent] = useState<Incident | undefined>(undefined);
  const loaded = useApi((signal) => api.get<Incident>(`/incidents/${id}`, {}, signal), [id]);
  const incident = current ?? loaded.data;
  useDocumentTitle(incident ? label(t, 'incidents.type', incident.type) : t('incidents.title'));
  const manage = can('incident.manage') && incident?.status === 'open';

  return (
    <>
      <Paragraph data-size="sm">
        <AppLink to="/hendelser">{t('incidents.back')}</AppLink>
      </Paragraph>
      {loaded.error !== undefined && <ErrorAlert error={loaded.error} />}
      {loaded.loading && !incident && <Loading />}
      {incident && (
        <>
          <Heading level={1} data-size="lg">
            {t('incidents.detailHeading', { type: label(t, 'incidents.type', incident.type) })}
          </Heading>
          <Paragraph>
            <Tag data-color={severityColor[incident.severity]} data-testid="incident-severity">
              {label(t, 'incidents.severity', incident.severity)}
            </Tag>{' '}
            <span data-testid="incident-status">{label(t, 'incidents.status', incident.status)}</span>
          </Paragraph>
          <Facts
            className="facts--columns"
            items={[
              {
                label: t('incidents.col.when'),
                value: `${formatDate(incident.occurredOn, locale)} ${incident.occurredTime}`,
              },
              {
                label: t('incidents.col.where'),
                value: [incident.facility.name, incident.department?.name, incident.place]
                  .filter(Boolean)
                  .join(', '),
              },
              {
                label: t('incidents.reportedBy'),
                value: `${incident.reportedBy}, ${formatDateTime(incident.reportedAt, locale)}`,
              },
              {
                label: t('incidents.severityWhy'),
                value: label(t, 'incidents.severityReason', incident.severityReason.reason),
              },
              {
                label: t('incidents.form.injury'),
                value: incident.injury ? t('common.yes') : t('common.no'),
              },
              {
                label: t('incidents.form.weapon'),
                value: incident.weapon ? t('common.yes') : t('common.no'),
              },
              ...(incident.source === 'leave'
                ? [{ label: t('incidents.source'), value: t('incidents.fromLeave') }]
                : []),
              ...(incident.notified > 0
                ? [{ label: t('incidents.notified'), value: String(incident.notified) }]
                : []),
            ]}
          />
          <Paragraph data-size="sm">{incident.severityReason.source}</Paragraph>
          <Heading level={2} data-size="md">
            {t('incidents.form.description')}
          </Heading>
          <Paragraph>{incident.description}</Paragraph>
          {incident.immediateActions && (
            <>
              <Heading level={2} data-size="md">
                {t('incidents.form.immediateActions')}
              </Heading>
              <Paragraph>{incident.immediateActions}</Paragraph>
            </>
          )}
          <People incident={incident} />
          <Actions incident={incident} manage={manage} onChanged={setCurrent} />
          {manage && <Close incident={incident} onChanged={setCurrent} />}
          {incident.status === 'closed' && (
            <section className="section" data-testid="incident-closure">
              <Heading level={2} data-size="md">
                {t('incidents.closure')}
              </Heading>
              <Paragraph>
                {t('incidents.closedBy', {
                  by: incident.closedBy ?? '',
                  at: incident.closedAt ? formatDateTime(incident.closedAt, locale) : '',
                })}
              </Paragraph>
              {incident.closureNote && <Paragraph>{incident.closureNote}</Paragraph>}
            </section>
          )}
        </>
      )}
    </>
  );
}

function People({ incident }: { incident: Incident }) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('incidents.form.peopleHeading')}
      </Heading>
      {incident.peopleInvolved.length === 0 ? (
        <Paragraph>{t('incidents.form.noPeople')}</Paragraph>
      ) : (
        <Table border zebra data-testid="incident-people-table">
          <caption>{t('incidents.form.peopleHeading')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('incidents.form.role')}</Table.HeaderCell>
              <Table.HeaderCell>{t('incidents.col.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('incidents.form.kind')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {incident.peopleInvolved.map((p) => (
              <Table.Row key={p.id}>
                <Table.Cell>{label(t, 'incidents.role', p.role)}</Table.Cell>
                <Table.Cell>
                  {p.personId ? <AppLink to={`/people/${p.personId}`}>{p.name}</AppLink> : p.name}
                </Table.Cell>
                <Table.Cell>{label(t, 'incidents.kind', p.kind)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}

function Actions({
  incident,
  manage,
  onChanged,
}: {
  incident: Incident;
  manage: boolean;
  onChanged: (i: Incident) => void;
}) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const mark = useSubmit([] as const);
  const add = useSubmit(['description', 'owner', 'deadline'] as const);
  const [draft, setDraft] = useState({ description: '', owner: '', deadline: addDays(todayInOslo(), 14) });
  const onMark = async (actionId: string, version: number, status: 'done' | 'cancelled') => {
    const updated = await mark.run(() =>
      api.post<Incident>(`/incidents/${incident.id}/actions/${actionId}`, { version, status }),
    );
    if (updated) onChanged(updated);
  };
  const onAdd = async (event: FormEvent) => {
    event.preventDefault();
    const updated = await add.run(() =>
      api.post<Incident>(`/incidents/${incident.id}/actions`, { ...draft, version: incident.version }),
    );
    if (updated) {
      onChanged(updated);
      setDraft({ ...draft, description: '', owner: '' });
    }
  };
  return (
    <section aria-labelledby={headingId} className="section" data-testid="incident-action-list">
      <Heading level={2} data-size="md" id={headingId}>
        {t('incidents.form.actionsHeading')}
      </Heading>
      {mark.error !== undefined && <ErrorAlert error={mark.error} />}
      {incident.actions.length === 0 ? (
        <Paragraph>{t('incidents.form.noActions')}</Paragraph>
      ) : (
        <Table border zebra>
          <caption>{t('incidents.form.actionsHeading')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('incidents.form.actionDescription')}</Table.HeaderCell>
              <Table.HeaderCell>{t('incidents.form.actionOwner')}</Table.HeaderCell>
              <Table.HeaderCell>{t('incidents.form.actionDeadline')}</Table.HeaderCell>
              <Table.HeaderCell>{t('incidents.col.status')}</Table.HeaderCell>
              {manage && <Table.HeaderCell>{t('incidents.col.do')}</Table.HeaderCell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {incident.actions.map((a) => (
              <Table.Row key={a.id}>
                <Table.Cell>{a.description}</Table.Cell>
                <Table.Cell>{a.owner}</Table.Cell>
                <Table.Cell>{formatDate(a.deadline, locale)}</Table.Cell>
                <Table.Cell>
                  {label(t, 'incidents.actionStatus', a.status)}
                  {a.overdue && (
                    <>
                      {' '}
                      <Tag data-color="danger">{t('incidents.overdue')}</Tag>
                    </>
                  )}
                </Table.Cell>
                {manage && (
                  <Table.Cell>
                    {a.status === 'open' && (
                      <Button
                        type="button"
                        variant="secondary"
                        data-size="sm"
                        disabled={mark.busy}
                        onClick={() => onMark(a.id, a.version, 'done')}
                      >
                        {t('incidents.markDone', { action: a.description })}
                      </Button>
                    )}
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {manage && (
        <form className="form narrow" onSubmit={onAdd} noValidate>
          <Heading level={3} data-size="xs">
            {t('incidents.form.addActionLegend')}
          </Heading>
          {add.formError !== undefined && <ErrorAlert error={add.formError} />}
          <Textfield
            label={t('incidents.form.actionDescription')}
            value={draft.description}
            error={add.fieldErrors.description}
            onChange={(e) => setDraft({ ...draft, description: e.target.value })}
          />
          <div className="field-row">
            <Textfield
              label={t('incidents.form.actionOwner')}
              value={draft.owner}
              error={add.fieldErrors.owner}
              onChange={(e) => setDraft({ ...draft, owner: e.target.value })}
            />
            <Textfield
              type="date"
              label={t('incidents.form.actionDeadline')}
              value={draft.deadline}
              error={add.fieldErrors.deadline}
              onChange={(e) => setDraft({ ...draft, deadline: e.target.value })}
            />
          </div>
          <div>
            <Button type="submit" variant="secondary" disabled={add.busy}>
              {t('incidents.form.addAction')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

function Close({ incident, onChanged }: { incident: Incident; onChanged: (i: Incident) => void }) {
  const { t } = useI18n();
  const headingId = useId();
  const close = useSubmit(['note'] as const);
  const [note, setNote] = useState('');
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const updated = await close.run(() =>
      api.post<Incident>(`/incidents/${incident.id}/close`, {
        version: incident.version,
        note: note || undefined,
      }),
    );
    if (updated) onChanged(updated);
  };
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('incidents.closeHeading')}
      </Heading>
      <Paragraph data-size="sm">
        {incident.openActions > 0
          ? t('incidents.closeOpen', { open: incident.openActions })
          : t('incidents.closeReady')}
      </Paragraph>
      <form className="form narrow" onSubmit={onSubmit} noValidate data-testid="incident-close-form">
        {close.formError !== undefined && <ErrorAlert error={close.formError} />}
        <Textfield
          multiline
          rows={2}
          label={t('incidents.closeNote')}
          value={note}
          error={close.fieldErrors.note}
          onChange={(e) => setNote(e.target.value)}
        />
        <div>
          <Button type="submit" disabled={close.busy}>
            {t('incidents.close')}
          </Button>
        </div>
      </form>
    </section>
  );
}
