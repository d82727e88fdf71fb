/**
 * A CSV reader for MIS exports (RFC 4180): quoted fields with embedded commas, quotes ("") and
 * line breaks, CRLF or LF line ends, a leading byte-order mark, blank lines skipped. Every record
 * carries the file line it starts on, so a problem can be reported where the admin will look.
 */

export interface CsvRecord {
  /** The 1-based line of the file the record starts on (the header is line 1 in most files). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: CsvRecord;
  records: CsvRecord[];
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

/** Splits CSV text into records; throws `CsvError` for a quote that never closes or a stray one. */
export function parseCsv(text: string): CsvRecord[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let recordLine = 1;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  // Whether the current cell began with a quote (and so may only be followed by , or a line end).
  let wasQuoted = false;
  // Whether any cell of the record was quoted: a lone "" is an empty record, not a blank line.
  let wasQuotedRecord = false;
  let i = 0;

  const endCell = () => {
    cells.push(cell);
    cell = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endCell();
    // A line with nothing on it is not a record (Excel leaves some at the end).
    if (!(cells.length === 1 && cells[0] === '' && !wasQuotedRecord)) {
      records.push({ line: recordLine, cells });
    }
    cells = [];
    wasQuotedRecord = false;
  };

  while (i < input.length) {
    const char = input[i] as string;
    if (quoted) {
      if (char === '"') {
        if (input[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (char === '\n') line++;
      // A CRLF inside quotes is one line break; keep the text as the MIS wrote it, but as \n.
      if (char === '\r' && input[i + 1] === '\n') {
        i++;
        continue;
      }
      cell += char;
      i++;
      continue;
    }
    if (char === '"') {
      if (cell !== '' || wasQuoted) {
        throw new CsvError(
          line,
          'a quote (") inside a field that does not start with one: put the whole field in quotes and double the quote',
        );
      }
      quoted = true;
      wasQuoted = true;
      wasQuotedRecord = true;
      i++;
      continue;
    }
    if (wasQuoted && char !== ',' && char !== '\r' && char !== '\n') {
      throw new CsvError(
        line,
        'text after a closing quote: a quoted field must end at a comma or the end of the line',
      );
    }
    if (char === ',') {
      endCell();
      i++;
      continue;
    }
    if (char === '\r' || char === '\n') {
      endRecord();
      i += char === '\r' && input[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    cell += char;
    i++;
  }
  if (quoted) throw new CsvError(recordLine, 'a quoted field is never closed (a " is missing)');
  if (cell !== '' || cells.length > 0 || wasQuoted) endRecord();
  return records;
}

/** The first record as the header, the rest as data; throws `CsvError` for an empty file. */
export function readCsv(text: string): CsvTable {
  const records = parseCsv(text);
  const [header, ...rest] = records;
  if (!header) throw new CsvError(1, 'the file is empty: expected a header line naming the columns');
  return { header, records: rest };
}
