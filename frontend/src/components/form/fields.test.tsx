import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { useAppForm } from '@/hooks/use-app-form';
import { optionalText, requiredText } from '@/lib/form-rules';
import { AppForm } from './app-form';
import { TextAreaField, TextField } from './fields';

const schema = z.object({
  name: requiredText('Enter a name.', 20),
  note: optionalText(500),
  password: z.string(),
});
type Values = z.infer<typeof schema>;

function Form() {
  const state = useAppForm<Values>({
    schema,
    defaultValues: { name: '', note: '', password: '' },
  });
  return (
    <AppForm
      state={state}
      onSubmit={() => Promise.resolve()}
      problemTitle="Not saved"
      guardLeaving={false}
    >
      <TextField<Values> name="name" label="Name" />
      <TextAreaField<Values> name="note" label="Note" />
      <TextField<Values> name="password" label="Password" type="password" />
    </AppForm>
  );
}

describe('form fields with limits', () => {
  it('when the schema limits a field, then the input carries that maxLength and a counter', async () => {
    render(<Form />);
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(name).toHaveAttribute('maxLength', '20');
    expect(name).toHaveAccessibleDescription('0 of 20 characters');

    await userEvent.setup().type(name, 'Hex bolt');
    expect(name).toHaveAccessibleDescription('8 of 20 characters');
    expect(screen.getByRole('textbox', { name: 'Note' })).toHaveAttribute('maxLength', '500');
  });

  it('when a field has no limit or is a password, then no counter is shown', () => {
    render(<Form />);
    expect(screen.getByLabelText('Password')).not.toHaveAttribute('maxLength');
    expect(screen.getAllByText(/ of \d+ characters/)).toHaveLength(2);
  });
});
