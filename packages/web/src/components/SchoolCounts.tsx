import { t } from '../i18n.ts';
import type { SchoolOverview } from '../types.ts';

const number = new Intl.NumberFormat('en-GB');

export function SchoolCounts({ counts }: { counts: SchoolOverview['counts'] }) {
  const items = [
    { label: t('web.counts.pupils'), value: counts.pupils },
    { label: t('web.counts.staff'), value: counts.staff },
    { label: t('web.counts.parents'), value: counts.parents },
    { label: t('web.counts.governors'), value: counts.governors },
  ];
  return (
    <dl className="counts">
      {items.map((item) => (
        <div key={item.label}>
          <dt>{item.label}</dt>
          <dd>{number.format(item.value)}</dd>
        </div>
      ))}
    </dl>
  );
}
