export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * JSON with object keys sorted (by UTF-16 code units) and no whitespace: the same value always
 * gives the same text, so it can be hashed. For JSON-safe values this matches the JSON
 * Canonicalization Scheme (RFC 8785 §3.2: ECMAScript number and string serialisation, sorted
 * keys). Values JSON cannot carry faithfully (undefined in arrays, NaN, Infinity, bigint,
 * functions, symbols) are refused rather than silently changed, because a value that does not
 * survive a round trip through the database would fail verification later.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${path} is ${value}, which JSON cannot represent`);
      return JSON.stringify(value);
    case 'object': {
      const toJSON = (value as { toJSON?: unknown }).toJSON;
      if (typeof toJSON === 'function') return write(toJSON.call(value), path);
      if (Array.isArray(value))
        return `[${value.map((item, index) => write(item, `${path}[${index}]`)).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, item]) => item !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${write(item, `${path}.${key}`)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`${path} is a ${typeof value}, which JSON cannot represent`);
  }
}
