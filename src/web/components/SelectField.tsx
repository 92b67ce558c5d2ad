import { Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { type ReactNode, useId } from 'react';

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  description?: string;
  disabled?: boolean;
  name?: string;
  /** A fixed id for the select, for links to it (an error summary); otherwise one is made. */
  id?: string;
  children: ReactNode;
};

/**
 * A labelled native select. The designsystem's <ds-field> links the description and the validation
 * message to the select (aria-describedby, aria-invalid), as it does for Textfield.
 */
export function SelectField({
  label,
  value,
  onChange,
  error,
  description,
  disabled,
  name,
  id: fixedId,
  children,
}: Props) {
  const madeId = useId();
  const id = fixedId ?? madeId;
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      {description && <Field.Description>{description}</Field.Description>}
      <Select
        id={id}
        name={name}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
      >
        {children}
      </Select>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}
