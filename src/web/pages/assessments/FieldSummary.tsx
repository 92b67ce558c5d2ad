import { ErrorSummary } from '@digdir/designsystemet-react';
import { ApiError } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';

/** The id a field gets on the assessment forms, from its path in the request body. */
export const fieldId = (prefix: string, path: string) => `${prefix}-${path.replace(/\./g, '-')}`;

/** The server's field errors as a summary at the top of the form, each linking to its field. */
export function FieldSummary({ error, prefix }: { error: unknown; prefix: string }) {
  const { t } = useI18n();
  if (!(error instanceof ApiError) || error.errors.length === 0) return null;
  return (
    <ErrorSummary>
      <ErrorSummary.Heading>{t('error.summaryHeading')}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {error.errors.map((e) => (
          <ErrorSummary.Item key={`${e.path}-${e.code}`}>
            <ErrorSummary.Link href={`#${fieldId(prefix, e.path)}`}>{e.message}</ErrorSummary.Link>
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
