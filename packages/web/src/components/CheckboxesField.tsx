interface CheckboxesFieldProps<V extends string> {
  /** The group's name; each option's id is `${name}-${value}`. */
  name: string;
  legend: string;
  values: readonly V[];
  options: readonly { value: V; label: string }[];
  onChange: (values: V[]) => void;
  hint?: string;
  error?: string | undefined;
}

/** Any number of a few options, as checkboxes in a fieldset whose legend asks the question. */
export function CheckboxesField<V extends string>({
  name,
  legend,
  values,
  options,
  onChange,
  hint,
  error,
}: CheckboxesFieldProps<V>) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const toggle = (v: V, on: boolean) =>
    onChange(on ? [...values.filter((x) => x !== v), v] : values.filter((x) => x !== v));
  return (
    <fieldset
      className={error ? 'field fieldset field-invalid' : 'field fieldset'}
      aria-describedby={describedBy}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      <div className="radios">
        {options.map((o) => (
          <div className="checkbox" key={o.value}>
            <input
              id={`${name}-${o.value}`}
              type="checkbox"
              name={name}
              value={o.value}
              checked={values.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            <label htmlFor={`${name}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
