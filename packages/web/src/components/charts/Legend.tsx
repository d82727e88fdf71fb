/** Which colour is which series: a swatch and its name, in the order the bars stack. */
export function Legend({ items }: { items: readonly { key: string; label: string; className: string }[] }) {
  return (
    <ul className="chart-legend">
      {items.map((item) => (
        <li key={item.key} className="chart-legend-item">
          <svg className="chart-swatch" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
            <rect className={item.className} width="10" height="10" />
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
