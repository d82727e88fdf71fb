interface RadioFieldProps<V extends string> {
  /** The group's name; each option's id is `${name}-${value}`. */
  name: string;
  legend: string;
  value: V;
  options: { value: V; label: string }[];
  onChange: (value: V) => void;
  hint?: string;
  error?: string | undefined;
}

/** A choice of one among a few, as radio buttons in a fieldset whose legend asks the question. */
export function RadioField<V extends string>({
  name,
  legend,
  value,
  options,
  onChange,
  hint,
  error,
}: RadioFieldProps<V>) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
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
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            <label htmlFor={`${name}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
