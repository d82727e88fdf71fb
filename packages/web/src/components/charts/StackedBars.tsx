import { Legend } from './Legend.tsx';
import { formatCount, niceCeiling } from './scale.ts';

export interface BarSeries {
  key: string;
  label: string;
  /** The fill, as a class (`chart-fill-0` …, `chart-severity-1` …). */
  className: string;
  /** One value for each bar. */
  values: readonly number[];
}

interface StackedBarsProps {
  /** What each bar stands for (a day), in order: a unique key and its words. */
  bars: readonly { key: string; label: string }[];
  /** Stacked from the bottom up in this order. */
  series: readonly BarSeries[];
  /** The chart's name, and the id of the text that describes it. */
  title: string;
  describedBy: string;
}

const BAR = 10;
const GAP = 2;
const HEIGHT = 100;

/**
 * Vertical bars over time, each split into its series. The picture stretches to the width it is
 * given (a year of days on a phone is a bar a pixel wide), so all text is outside it in HTML at
 * the reader's own size: the top of the scale, the first and last labels, and the legend. Each
 * bar segment names its value for a pointer hovering over it.
 */
export function StackedBars({ bars, series, title, describedBy }: StackedBarsProps) {
  const totals = bars.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const top = niceCeiling(Math.max(0, ...totals));
  const y = (value: number) => (value / top) * HEIGHT;
  const width = bars.length * BAR;
  return (
    <div className="chart-frame">
      <div className="chart-plot">
        <div className="chart-scale" aria-hidden="true">
          <span>{formatCount(top)}</span>
          <span>{formatCount(top / 2)}</span>
          <span>0</span>
        </div>
        <svg
          className="chart-bars"
          viewBox={`0 0 ${width} ${HEIGHT}`}
          preserveAspectRatio="none"
          role="img"
          aria-describedby={describedBy}
        >
          <title>{title}</title>
          {[0, 0.5, 1].map((f) => (
            <line
              key={f}
              className="chart-grid"
              x1="0"
              x2={width}
              y1={HEIGHT - f * HEIGHT}
              y2={HEIGHT - f * HEIGHT}
              vectorEffect="non-scaling-stroke"
            />
          ))}
          {bars.map((bar, i) => {
            let base = HEIGHT;
            return (
              <g key={bar.key}>
                {series.map((s) => {
                  const value = s.values[i] ?? 0;
                  if (value <= 0) return null;
                  const h = y(value);
                  base -= h;
                  return (
                    <rect
                      key={s.key}
                      className={s.className}
                      x={i * BAR + GAP / 2}
                      y={base}
                      width={BAR - GAP}
                      height={h}
                    >
                      <title>{`${bar.label}: ${s.label} ${formatCount(value)}`}</title>
                    </rect>
                  );
                })}
              </g>
            );
          })}
        </svg>
      </div>
      <div className="chart-axis" aria-hidden="true">
        <span>{bars[0]?.label}</span>
        {bars.length > 1 ? <span>{bars.at(-1)?.label}</span> : null}
      </div>
      <Legend items={series} />
    </div>
  );
}
