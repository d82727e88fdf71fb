import { t } from '../i18n.ts';

/** The first thing a keyboard user reaches: straight past the navigation to the page itself. */
export function SkipLink() {
  return (
    <a className="skip-link" href="#main">
      {t('web.nav.skip')}
    </a>
  );
}
