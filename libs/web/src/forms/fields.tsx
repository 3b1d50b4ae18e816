import type { ComponentChildren } from 'preact';
import type { SiteLanguage } from '@mangfold/config';
import type { FieldErrors } from '@mangfold/graphql';

/** A field's id in the page: its name with the characters ids dislike replaced. */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

interface FieldProps {
  name: string;
  label: string;
  errors: FieldErrors;
  /** The key of the field in `errors`, when it differs from the form name (`description.da`). */
  errorKey?: string;
  hint?: string;
}

function Described({ name, hint, error, children }: { name: string; hint?: string; error?: string; children: ComponentChildren }) {
  const id = fieldId(name);
  return (
    <>
      {children}
      {hint ? (
        <p class="muted" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

function describedBy(name: string, hint?: string, error?: string): string | undefined {
  const id = fieldId(name);
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function TextField(
  props: FieldProps & {
    value?: string | null;
    type?: string;
    required?: boolean;
    autocomplete?: string;
    min?: string;
    max?: string;
    step?: string;
  },
) {
  const error = props.errors[props.errorKey ?? props.name];
  const id = fieldId(props.name);
  return (
    <Described name={props.name} hint={props.hint} error={error}>
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        required={props.required}
        autocomplete={props.autocomplete}
        min={props.min}
        max={props.max}
        step={props.step}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      />
    </Described>
  );
}

export function TextArea(props: FieldProps & { value?: string | null; rows?: number }) {
  const error = props.errors[props.errorKey ?? props.name];
  const id = fieldId(props.name);
  return (
    <Described name={props.name} hint={props.hint} error={error}>
      <label for={id}>{props.label}</label>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 5}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      >
        {props.value ?? ''}
      </textarea>
    </Described>
  );
}

export function SelectField(props: FieldProps & { value?: string | null; options: { value: string; label: string }[]; blank?: string }) {
  const error = props.errors[props.errorKey ?? props.name];
  const id = fieldId(props.name);
  return (
    <Described name={props.name} hint={props.hint} error={error}>
      <label for={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      >
        {props.blank !== undefined ? <option value="">{props.blank}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Described>
  );
}

export function CheckboxField(props: FieldProps & { checked: boolean; value?: string }) {
  const error = props.errors[props.errorKey ?? props.name];
  const id = fieldId(props.name);
  return (
    <Described name={props.name} hint={props.hint} error={error}>
      <label class="choice" for={id}>
        <input
          id={id}
          type="checkbox"
          name={props.name}
          value={props.value ?? 'on'}
          checked={props.checked}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(props.name, props.hint, error)}
        />
        {props.label}
      </label>
    </Described>
  );
}

const SUMMARY = {
  da: { heading: 'Formularen har fejl', intro: 'Ret felterne herunder og send igen:' },
  en: { heading: 'The form has errors', intro: 'Correct the fields below and send it again:' },
} as const;

/**
 * The errors at the top of a form, each a link to its field (WCAG 3.3.1), with the field's label.
 * Error keys and form names are the same dotted paths (`description.da`).
 */
export function ErrorSummary({ lang, errors, labels }: { lang: SiteLanguage; errors: FieldErrors; labels: Record<string, string> }) {
  const entries = Object.entries(errors);
  if (!entries.length) return null;
  return (
    <div class="notice error" role="alert" aria-labelledby="error-summary">
      <h2 id="error-summary">{SUMMARY[lang].heading}</h2>
      <p>{SUMMARY[lang].intro}</p>
      <ul>
        {entries.map(([key, problem]) => (
          <li key={key}>
            <a href={`#${fieldId(key)}`}>
              {labels[key] ?? key}: {problem}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
