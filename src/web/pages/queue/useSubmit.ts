import { useState } from 'react';
import { ApiError } from '../../api.ts';

/**
 * Submission state of a dialog form. Field errors from the server go under their fields; an error that
 * names none of the form's fields is returned as `formError`, to be shown at the top.
 */
export function useSubmit<F extends string>(fields: readonly F[]) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const fieldErrors: Partial<Record<F, string>> = {};
  if (error instanceof ApiError) {
    for (const field of fields) {
      const message = error.fieldError(field);
      if (message) fieldErrors[field] = message;
    }
  }
  const formError = error !== undefined && Object.keys(fieldErrors).length === 0 ? error : undefined;

  const run = async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await action();
    } catch (failure) {
      setError(failure);
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, fieldErrors, formError, run, clear: () => setError(undefined) };
}
