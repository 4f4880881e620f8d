import { useState } from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ErrorSummary, TextField, type FieldError } from './Form.tsx';

const errors: FieldError[] = [
  { field: 'username', message: 'Vul uw gebruikersnaam in.' },
  { field: 'password', message: 'Vul uw wachtwoord in.' },
];

describe('ErrorSummary', () => {
  it('renders nothing without errors', () => {
    const { container } = render(<ErrorSummary errors={[]} attempt={1} />);
    expect(container.innerHTML).toBe('');
  });

  it('lists each error as a link to its field, under a heading that counts them', () => {
    render(<ErrorSummary errors={errors} attempt={1} />);
    const summary = screen.getByRole('alert', { name: 'Er zijn 2 fouten in het formulier' });
    const links = within(summary).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Vul uw gebruikersnaam in.', '#username'],
      ['Vul uw wachtwoord in.', '#password'],
    ]);
    expect(within(summary).getByRole('heading', { level: 2 }).textContent).toBe(
      'Er zijn 2 fouten in het formulier',
    );
  });

  it('uses the singular for one error', () => {
    render(<ErrorSummary errors={errors.slice(0, 1)} attempt={1} />);
    expect(screen.getAllByRole('alert', { name: 'Er is 1 fout in het formulier' })).toHaveLength(1);
  });

  it('takes focus after each failed attempt', () => {
    function Form() {
      const [attempt, setAttempt] = useState(0);
      const [found, setFound] = useState<FieldError[]>([]);
      return (
        <>
          <ErrorSummary errors={found} attempt={attempt} />
          <button
            type="button"
            onClick={() => {
              setFound(errors);
              setAttempt((n) => n + 1);
            }}
          >
            Verstuur
          </button>
        </>
      );
    }
    render(<Form />);
    const submit = screen.getByRole('button', { name: 'Verstuur' });
    submit.focus();
    expect(screen.queryByRole('alert')).toBeNull();

    fireEvent.click(submit);
    const summary = screen.getByRole('alert');
    expect(document.activeElement).toBe(summary);

    // Same errors again: the summary is focused again, so the reader hears them again.
    submit.focus();
    fireEvent.click(submit);
    expect(document.activeElement).toBe(screen.getByRole('alert'));
  });

  it('gives two summaries on one page different heading ids', () => {
    render(
      <>
        <ErrorSummary errors={errors} attempt={1} />
        <ErrorSummary errors={errors.slice(1)} attempt={1} />
      </>,
    );
    const [a, b] = screen.getAllByRole('alert');
    expect(a!.getAttribute('aria-labelledby')).not.toBe(b!.getAttribute('aria-labelledby'));
    expect(screen.getByRole('alert', { name: 'Er is 1 fout in het formulier' })).toBe(b);
  });
});

/** The text of the elements that aria-describedby points to, in order. */
const description = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent)
    .join(' ');

describe('TextField', () => {
  const base = { id: 'username', label: 'Gebruikersnaam', value: '', onChange: () => undefined };

  it('says "(verplicht)" for a required field and marks it required', () => {
    render(<TextField {...base} required />);
    const input = screen.getByRole<HTMLInputElement>('textbox', {
      name: 'Gebruikersnaam (verplicht)',
    });
    // aria-required, not the native attribute: the browser's own validation bubbles stay away.
    expect(input.getAttribute('aria-required')).toBe('true');
    expect(input.id).toBe('username');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(input.getAttribute('aria-describedby')).toBeNull();
  });

  it('says "(optioneel)" for an optional field', () => {
    render(<TextField {...base} required={false} />);
    const input = screen.getByRole<HTMLInputElement>('textbox', {
      name: 'Gebruikersnaam (optioneel)',
    });
    expect(input.getAttribute('aria-required')).toBeNull();
  });

  it('wires the description to the field', () => {
    render(<TextField {...base} required description="Zoals op uw pas." />);
    const input = screen.getByRole('textbox');
    expect(input.getAttribute('aria-describedby')).toBe('username-description');
    expect(description(input)).toBe('Zoals op uw pas.');
  });

  it('shows the error beside the field, describes the field with it and marks it invalid', () => {
    render(
      <TextField
        {...base}
        required
        description="Zoals op uw pas."
        error="Vul uw gebruikersnaam in."
      />,
    );
    const input = screen.getByRole('textbox', { name: 'Gebruikersnaam (verplicht)' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('username-description username-error');
    expect(description(input)).toBe('Zoals op uw pas. Vul uw gebruikersnaam in.');
    // The error is text next to the field, not only a colour.
    expect(document.getElementById('username-error')?.textContent).toBe(
      'Vul uw gebruikersnaam in.',
    );
  });

  it('is the target of the error summary link', () => {
    render(
      <>
        <ErrorSummary errors={errors.slice(0, 1)} attempt={1} />
        <TextField {...base} required error="Vul uw gebruikersnaam in." />
      </>,
    );
    const link = screen.getByRole('link', { name: 'Vul uw gebruikersnaam in.' });
    const target = document.querySelector(link.getAttribute('href')!);
    expect(target).toBe(screen.getByRole('textbox', { name: 'Gebruikersnaam (verplicht)' }));
  });

  it('reports what is typed', () => {
    const typed: string[] = [];
    render(<TextField {...base} required onChange={(v) => typed.push(v)} type="search" />);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'Burgwallen' } });
    expect(typed).toEqual(['Burgwallen']);
  });
});
