import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { useT } from '../../i18n/index.tsx';
import type { Page, PersonHit } from '../../types.ts';
import { PeopleResults } from './PeopleResults.tsx';

const PAGE_SIZE = 20;

export function PeopleSearchPage() {
  const t = useT();
  const { can } = useAuth();
  useDocumentTitle(t('people.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [text, setText] = useState(q);
  const [emptySubmit, setEmptySubmit] = useState(false);

  // Back and forward in the browser change the query: keep the field in step.
  useEffect(() => setText(q), [q]);

  const { data, error, loading } = useApi(
    q ? (signal) => api.get<Page<PersonHit>>('/people', { q, page, pageSize: PAGE_SIZE }, signal) : null,
    [q, page],
  );

  const qError = searchFieldError(error);
  const fieldError = emptySubmit ? t('people.searchRequired') : qError;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    setEmptySubmit(!value);
    if (!value) return;
    setParams({ q: value });
  };

  const goTo = (next: number) => setParams({ q, page: String(next) });

  return (
    <>
      <div className="page-head">
        <Heading level={1} data-size="lg">
          {t('people.title')}
        </Heading>
        {can('person.create') && <AppLink to="/people/new">{t('people.create')}</AppLink>}
      </div>
      <search>
        <form className="search-form" onSubmit={onSubmit} noValidate>
          <Textfield
            type="search"
            label={t('people.search')}
            description={t('people.searchHelp')}
            name="q"
            value={text}
            autoComplete="off"
            onChange={(event) => setText(event.target.value)}
            error={fieldError}
          />
          <Button type="submit">{t('people.searchButton')}</Button>
        </form>
      </search>
      {!q && <Paragraph>{t('people.intro')}</Paragraph>}
      {error !== undefined && !qError && <ErrorAlert error={error} />}
      {loading && <Loading />}
      {data && q && !loading && error === undefined && <PeopleResults q={q} result={data} onPage={goTo} />}
    </>
  );
}

/** The search has one field, so any validation error from the server belongs under it. */
function searchFieldError(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 422)) return undefined;
  return error.fieldError('q') ?? error.errors[0]?.message ?? error.detail ?? error.title;
}
