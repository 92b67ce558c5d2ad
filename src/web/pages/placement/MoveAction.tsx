import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { todayInOslo } from '../../i18n/format.ts';
import { useT } from '../../i18n/index.tsx';
import type { PersonDetail } from '../../types.ts';
import { MoveDialog } from './MoveDialog.tsx';

/** The "Flytt" button of the person page, its dialog and the confirmation once a move is done. */
export function MoveAction({ person, onMoved }: { person: PersonDetail; onMoved: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  return (
    <div className="section">
      {done && (
        <Alert data-color="success" role="status">
          <Paragraph>{done}</Paragraph>
        </Alert>
      )}
      <Button
        variant="secondary"
        onClick={() => {
          setDone(null);
          setOpen(true);
        }}
      >
        {t('move.action')}
      </Button>
      {open && (
        <MoveDialog
          person={person}
          today={todayInOslo()}
          onDone={(message) => {
            setDone(message);
            onMoved();
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </div>
  );
}
