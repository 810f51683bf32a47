import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

interface FieldShell {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
}

/** A labelled input; its error is announced and tied to it with aria-describedby. */
export function TextField({ label, error, hint, id, className, ...rest }: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  const own = useId();
  const inputId = id ?? own;
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={inputId}>{label}</label>
      <input id={inputId} aria-invalid={error ? true : undefined} aria-describedby={describedBy(inputId, error, hint)} {...rest} />
      <FieldNotes id={inputId} error={error} hint={hint} />
    </div>
  );
}

export function SelectField({ label, error, hint, id, children, className, ...rest }:
  FieldShell & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const own = useId();
  const inputId = id ?? own;
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={inputId}>{label}</label>
      <select id={inputId} aria-invalid={error ? true : undefined} aria-describedby={describedBy(inputId, error, hint)} {...rest}>
        {children}
      </select>
      <FieldNotes id={inputId} error={error} hint={hint} />
    </div>
  );
}

function describedBy(id: string, error?: string, hint?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function FieldNotes({ id, error, hint }: { id: string; error?: string | undefined; hint?: string | undefined }) {
  return (
    <>
      {hint && <small id={`${id}-hint`} className="field-hint">{hint}</small>}
      {error && <small id={`${id}-error`} className="field-error" role="alert">{error}</small>}
    </>
  );
}
