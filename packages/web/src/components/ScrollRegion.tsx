import type { ReactNode } from 'react';

/**
 * A wide table's frame: on a narrow screen the table scrolls sideways inside it. It is a
 * labelled region in the tab order so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function ScrollRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to be scrolled.
    <section className="table-scroll" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}
