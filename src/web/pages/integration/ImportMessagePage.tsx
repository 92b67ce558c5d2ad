import {
  Alert,
  Button,
  ErrorSummary,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type ChangeEvent, type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { api } from '../../api.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { useT } from '../../i18n/index.tsx';
import type { ImportResult } from '../../types.ts';
import { IssueTable, ReceiptFacts } from './MessageParts.tsx';

const VERSIONS = ['1.2', '1.1'];
// Fixed ids: the error summary links to them with #fragments.
const MESSAGE_ID = 'import-message';
const FILE_ID = 'import-file';

/** A message imported by hand: the same checks as the inbox, and the receipt shown at once. */
export function ImportMessagePage() {
  const t = useT();
  useDocumentTitle(t('import.title'));
  const [text, setText] = useState('');
  const [version, setVersion] = useState(VERSIONS[0] ?? '1.2');
  const [messageError, setMessageError] = useState<string | undefined>(undefined);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const resultId = useId();

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setFileError(undefined);
    if (!file) return;
    try {
      setText(await file.text());
      setMessageError(undefined);
    } catch {
      setFileError(t('import.fileFailed'));
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    setFailure(undefined);
    if (!text.trim()) {
      setMessageError(t('import.messageRequired'));
      return;
    }
    setMessageError(undefined);
    setBusy(true);
    setResult(null);
    try {
      setResult(
        await api.post<ImportResult>('/integration/messages', { message: text, schemaVersion: version }),
      );
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const outcome = result
    ? result.receipt.status === 'MOTTATT'
      ? result.duplicate
        ? { color: 'info', text: t('import.duplicate') }
        : { color: 'success', text: t('import.received') }
      : { color: 'danger', text: result.duplicate ? t('import.duplicate') : t('import.refused') }
    : null;

  return (
    <div className="narrow narrow--wide">
      <AppLink to="/integration">{t('message.back')}</AppLink>
      <Heading level={1} data-size="lg">
        {t('import.title')}
      </Heading>
      <Paragraph>{t('import.intro')}</Paragraph>
      {failure !== undefined && <ErrorAlert error={failure} />}
      {messageError && (
        <ErrorSummary key={attempt}>
          <ErrorSummary.Heading>{t('error.summaryHeading')}</ErrorSummary.Heading>
          <ErrorSummary.List>
            <ErrorSummary.Item>
              <ErrorSummary.Link href={`#${MESSAGE_ID}`}>{messageError}</ErrorSummary.Link>
            </ErrorSummary.Item>
          </ErrorSummary.List>
        </ErrorSummary>
      )}
      <form className="form" onSubmit={onSubmit} noValidate>
        <Textfield
          id={MESSAGE_ID}
          multiline
          rows={12}
          label={t('import.message')}
          description={t('import.messageHelp')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          error={messageError}
          spellCheck={false}
          className="mono-field"
          required
        />
        <Field>
          <Label htmlFor={FILE_ID}>{t('import.file')}</Label>
          <Field.Description>{t('import.fileHelp')}</Field.Description>
          <input id={FILE_ID} type="file" accept=".json,.jws,application/json" onChange={onFile} />
          {fileError && <ValidationMessage>{fileError}</ValidationMessage>}
        </Field>
        <SelectField
          label={t('import.version')}
          description={t('import.versionHelp')}
          value={version}
          onChange={setVersion}
        >
          {VERSIONS.map((v) => (
            <Select.Option key={v} value={v}>
              FULLBYRDELSESORDRE {v}
            </Select.Option>
          ))}
        </SelectField>
        <div>
          <Button type="submit" loading={busy}>
            {t('import.submit')}
          </Button>
        </div>
      </form>
      {result && outcome && (
        <section aria-labelledby={resultId} className="section" data-testid="import-result">
          <Heading level={2} data-size="md" id={resultId} ref={resultRef} tabIndex={-1}>
            {t('messages.receipt')}
          </Heading>
          <Alert data-color={outcome.color} role="status">
            <Paragraph>{outcome.text}</Paragraph>
          </Alert>
          <ReceiptFacts receipt={result.receipt} />
          <IssueTable title={t('message.errors')} issues={result.message.errors} level={3} />
          <IssueTable title={t('message.notes')} issues={result.message.notes} level={3} />
          <Paragraph>
            <AppLink to={`/integration/${result.message.id}`}>{t('import.openMessage')}</AppLink>
          </Paragraph>
        </section>
      )}
    </div>
  );
}
