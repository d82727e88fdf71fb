/** A CSV cell: always quoted (RFC 4180); a leading = + - @ is defused so a spreadsheet shows it as text, not a formula. */
export const csvCell = (v: string | number | boolean | null) => {
  const s = v === null ? '' : String(v);
  return `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
};
