import { Button, ErrorSummary, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { type MessageKey, useT } from '../../i18n/index.tsx';
import type { PersonDetail } from '../../types.ts';

type FieldName = 'nationalId' | 'givenName' | 'familyName';
const fields: FieldName[] = ['nationalId', 'givenName', 'familyName'];
const required: Record<FieldName, MessageKey> = {
  nationalId: 'create.nationalIdRequired',
  givenName: 'create.givenNameRequired',
  familyName: 'create.familyNameRequired',
};

export function CreatePersonPage() {
  const t = useT();
  useDocumentTitle(t('create.title'));
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<FieldName, string>>({
    nationalId: '',
    givenName: '',
    familyName: '',
  });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  // A new summary per attempt, so it takes focus again after each failed submit.
  const [attempt, setAttempt] = useState(0);

  // Fixed ids: the error summary links to them with #fragments.
  const inputId = (field: FieldName) => `create-person-${field}`;
  const labels: Record<FieldName, string> = {
    nationalId: t('create.nationalId'),
    givenName: t('create.givenName'),
    familyName: t('create.familyName'),
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const body = {
      nationalId: values.nationalId.replace(/\s/g, ''),
      givenName: values.givenName.trim(),
      familyName: values.familyName.trim(),
    };
    const missing: Partial<Record<FieldName, string>> = {};
    for (const field of fields) if (!body[field]) missing[field] = t(required[field]);
    setAttempt((n) => n + 1);
    setErrors(missing);
    setFailure(undefined);
    if (Object.keys(missing).length > 0) return;

    setBusy(true);
    try {
      const person = await api.post<PersonDetail>('/people', body);
      navigate(`/people/${person.id}`);
    } catch (error) {
      setBusy(false);
      const fromServer: Partial<Record<FieldName, string>> = {};
      if (error instanceof ApiError) {
        for (const field of fields) {
          const message = error.fieldError(field);
          if (message) fromServer[field] = message;
        }
      }
      setErrors(fromServer);
      // Errors that belong to no field (a duplicate person, no access) are shown above the form.
      if (Object.keys(fromServer).length === 0) setFailure(error);
    }
  };

  const listed = fields.filter((field) => errors[field]);

  return (
    <div className="narrow">
      <Heading level={1} data-size="lg">
        {t('create.title')}
      </Heading>
      <Paragraph>{t('create.intro')}</Paragraph>
      {failure !== undefined && <ErrorAlert error={failure} />}
      {listed.length > 0 && (
        <ErrorSummary key={attempt}>
          <ErrorSummary.Heading>{t('error.summaryHeading')}</ErrorSummary.Heading>
          <ErrorSummary.List>
            {listed.map((field) => (
              <ErrorSummary.Item key={field}>
                <ErrorSummary.Link href={`#${inputId(field)}`}>{errors[field]}</ErrorSummary.Link>
              </ErrorSummary.Item>
            ))}
          </ErrorSummary.List>
        </ErrorSummary>
      )}
      <form className="form" onSubmit={onSubmit} noValidate>
        {fields.map((field) => (
          <Textfield
            key={field}
            id={inputId(field)}
            label={labels[field]}
            description={field === 'nationalId' ? t('create.nationalIdHelp') : undefined}
            name={field}
            value={values[field]}
            inputMode={field === 'nationalId' ? 'numeric' : undefined}
            autoComplete="off"
            onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))}
            error={errors[field]}
            required
          />
        ))}
        <div>
          <Button type="submit" loading={busy}>
            {t('create.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
