import { type ReactNode, useEffect, useRef } from 'react';
import { t } from '../i18n.ts';

let firstPage = true;

/**
 * A page: sets the document title and, after a navigation (not on first load), moves focus to
 * the heading so screen-reader and keyboard users start at the new content.
 */
export function Page({ title, children }: { title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('web.documentTitle', { page: title });
  }, [title]);

  useEffect(() => {
    if (firstPage) firstPage = false;
    else heading.current?.focus();
  }, []);

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </>
  );
}
