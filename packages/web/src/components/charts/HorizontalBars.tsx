import { Legend } from './Legend.tsx';
import { formatCount } from './scale.ts';

export interface BarRow {
  key: string;
  label: string;
  /** Side by side along the bar, in this order; their sum is the bar's length. */
  parts: readonly { key: string; label: string; className: string; value: number }[];
  /** The figure written beside the label (the total, unless said otherwise). */
  text?: string;
}

interface HorizontalBarsProps {
  rows: readonly BarRow[];
  /** Shown when the bars are split into parts, to say which colour is which. */
  legend?: readonly { key: string; label: string; className: string }[];
}

/**
 * One bar per row, longest first as given, each with its name and figure written above it so
 * the list reads as text on its own and nothing needs to fit beside a bar on a phone. The bars
 * are drawing only; the words carry the numbers.
 */
export function HorizontalBars({ rows, legend }: HorizontalBarsProps) {
  const totals = rows.map((r) => r.parts.reduce((sum, p) => sum + p.value, 0));
  const top = Math.max(1, ...totals);
  return (
    <div className="chart-frame">
      <ol className="chart-hbars">
        {rows.map((row, i) => {
          let start = 0;
          return (
            <li key={row.key} className="chart-hbar-row">
              <span className="chart-hbar-label">
                <span className="break">{row.label}</span>
                <span className="chart-hbar-value">{row.text ?? formatCount(totals[i] ?? 0)}</span>
              </span>
              <svg className="chart-hbar" aria-hidden="true" focusable="false">
                {row.parts.map((p) => {
                  const x = (start / top) * 100;
                  const w = (p.value / top) * 100;
                  start += p.value;
                  return p.value > 0 ? (
                    <rect key={p.key} className={p.className} x={`${x}%`} y="0" width={`${w}%`} height="100%">
                      <title>{`${row.label}: ${p.label} ${formatCount(p.value)}`}</title>
                    </rect>
                  ) : null;
                })}
              </svg>
            </li>
          );
        })}
      </ol>
      {legend && legend.length > 1 ? <Legend items={legend} /> : null}
    </div>
  );
}
