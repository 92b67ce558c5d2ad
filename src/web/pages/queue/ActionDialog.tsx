import { Alert, Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { type FormEvent, type ReactNode, type RefObject, useId } from 'react';
import { errorMessage } from '../../components/ErrorAlert.tsx';
import { useT } from '../../i18n/index.tsx';
import type { QueueItem } from '../../types.ts';

type Props = {
  dialogRef: RefObject<HTMLDialogElement | null>;
  title: string;
  item: QueueItem;
  submitLabel: string;
  busy: boolean;
  /** An error that belongs to no field: shown at the top of the dialog. */
  error: unknown;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
};

/** The frame shared by the queue's action dialogs: title, whom it is about, errors, the form and its buttons. */
export function ActionDialog({
  dialogRef,
  title,
  item,
  submitLabel,
  busy,
  error,
  onSubmit,
  onClose,
  children,
}: Props) {
  const t = useT();
  const titleId = useId();
  const aboutId = useId();
  const name = `${item.person.givenName} ${item.person.familyName}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };

  return (
    <Dialog
      ref={dialogRef}
      open
      onClose={onClose}
      aria-labelledby={titleId}
      aria-describedby={aboutId}
      closeButton={t('common.closeDialog')}
    >
      <Dialog.Block>
        <Heading level={2} data-size="sm" id={titleId}>
          {title}
        </Heading>
        <Paragraph id={aboutId}>{t('dialog.about', { name, caseNumber: item.caseNumber })}</Paragraph>
      </Dialog.Block>
      <Dialog.Block>
        <form className="form" onSubmit={submit} noValidate>
          {error !== undefined && (
            <Alert data-color="danger" role="alert">
              <Paragraph>{errorMessage(error, t)}</Paragraph>
            </Alert>
          )}
          {children}
          <div className="buttons">
            <Button type="submit" loading={busy}>
              {submitLabel}
            </Button>
            <Button type="button" variant="secondary" onClick={() => dialogRef.current?.close()}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}
