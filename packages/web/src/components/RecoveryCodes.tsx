import { type FormEvent, useState } from 'react';
import { t } from '../i18n.ts';

/**
 * The recovery codes, shown once: a list to copy, a file to download, and a box to tick before
 * going on, so nobody leaves this page without having kept them.
 */
export function RecoveryCodes({ codes, onStored }: { codes: string[]; onStored: () => void }) {
  const [stored, setStored] = useState(false);
  const [problem, setProblem] = useState(false);

  const download = () => {
    const text = `${t('web.recovery.fileHeading')}\n\n${codes.join('\n')}\n`;
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'haven-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (stored) onStored();
    else setProblem(true);
  };

  return (
    <section aria-labelledby="recovery-title">
      <h2 id="recovery-title">{t('web.recovery.title')}</h2>
      <p>{t('web.recovery.intro')}</p>
      <p>
        <strong>{t('web.recovery.once')}</strong>
      </p>
      <ol className="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="actions">
        <button type="button" className="button-secondary" onClick={download}>
          {t('web.recovery.download')}
        </button>
        <button type="button" className="button-secondary" onClick={() => window.print()}>
          {t('web.recovery.print')}
        </button>
      </div>
      <form onSubmit={submit} noValidate className="form">
        <div className={problem ? 'field field-invalid checkbox' : 'field checkbox'}>
          {problem ? (
            <p className="field-error" id="stored-error" role="alert">
              {t('web.recovery.notConfirmed')}
            </p>
          ) : null}
          <input
            id="stored"
            type="checkbox"
            checked={stored}
            onChange={(e) => {
              setStored(e.target.checked);
              setProblem(false);
            }}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'stored-error' : undefined}
          />
          <label htmlFor="stored">{t('web.recovery.confirm')}</label>
        </div>
        <div className="actions">
          <button type="submit">{t('web.action.continue')}</button>
        </div>
      </form>
    </section>
  );
}
