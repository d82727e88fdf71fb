import { policyDocumentUrl } from '../endpoints.ts';
import { t } from '../i18n.ts';

/** The policy as the server renders it for reading, framed, with a link to open it whole. */
export function PolicyDocumentFrame({ schoolId, title }: { schoolId: string; title: string }) {
  const url = policyDocumentUrl(schoolId);
  return (
    <>
      <p>
        <a href={url} target="_blank" rel="noopener">
          {t('web.policy.openDocument')}
          <span className="visually-hidden"> {t('web.newTab')}</span>
        </a>
      </p>
      <iframe
        className="policy-document"
        src={url}
        title={t('web.policy.documentFrame', { title })}
        sandbox="allow-same-origin"
        loading="lazy"
      />
    </>
  );
}
