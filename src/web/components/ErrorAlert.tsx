import { Alert, Heading, ListItem, ListUnordered, Paragraph } from '@digdir/designsystemet-react';
import { ApiError } from '../api.ts';
import { type MessageKey, type Translate, useT } from '../i18n/index.tsx';

const statusKeys: Record<number, MessageKey> = {
  400: 'error.400',
  401: 'error.401',
  403: 'error.403',
  404: 'error.404',
  409: 'error.409',
  422: 'error.422',
  429: 'error.429',
};

/** The text to show for a failed request: the server's own (already translated) message when it sent one. */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    const fromServer = error.detail ?? error.title;
    if (fromServer) return fromServer;
    const key = statusKeys[error.status] ?? (error.status >= 500 ? 'error.500' : 'error.generic');
    return t(key);
  }
  if (error instanceof TypeError) return t('error.network');
  return t('error.generic');
}

type Props = { error: unknown; heading?: boolean };

export function ErrorAlert({ error, heading = true }: Props) {
  const t = useT();
  const message = errorMessage(error, t);
  const serverTitle = error instanceof ApiError && error.detail && error.title ? error.title : null;
  return (
    <Alert data-color="danger" role="alert">
      {heading && (
        <Heading level={2} data-size="xs">
          {serverTitle ?? t('error.title')}
        </Heading>
      )}
      <Paragraph>{message}</Paragraph>
    </Alert>
  );
}

/**
 * A form's error summary: the server's field messages as a list at the top of the form, or the
 * request's error when it names no field.
 */
export function ErrorSummary({ error, level = 3 }: { error: unknown; level?: 2 | 3 | 4 }) {
  const t = useT();
  if (error === undefined) return null;
  if (!(error instanceof ApiError) || error.errors.length === 0) return <ErrorAlert error={error} />;
  return (
    <Alert data-color="danger" role="alert">
      <Heading level={level} data-size="xs">
        {t('error.summaryHeading')}
      </Heading>
      <ListUnordered>
        {error.errors.map((p) => (
          <ListItem key={`${p.path}:${p.message}`}>{p.message}</ListItem>
        ))}
      </ListUnordered>
    </Alert>
  );
}
