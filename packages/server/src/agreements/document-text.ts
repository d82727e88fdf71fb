import { inflateRawSync } from 'node:zlib';

/**
 * The text of a school's own agreement document: plain text, Markdown or Word (.docx). A .docx is
 * a zip; its body is word/document.xml, read here with a small zip reader (the central directory,
 * then one stored or deflated entry) so no parser package is needed for one file. Each Word
 * paragraph becomes a line; headings become Markdown headings and list paragraphs bullets, so the
 * same import reads all three.
 */

export class DocumentError extends Error {}

const MAX_XML_BYTES = 20 * 1024 * 1024;

function zipEntry(bytes: Buffer, wanted: string): Buffer | null {
  // The end-of-central-directory record is in the last 65 557 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new DocumentError('is not a .docx file: no zip directory found');
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50)
      throw new DocumentError('is not a .docx file: its zip directory is damaged');
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + extra + comment;
    if (name !== wanted) continue;
    if (size > MAX_XML_BYTES) throw new DocumentError(`is too large: ${wanted} is over 20 MB`);
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50)
      throw new DocumentError('is not a .docx file: an entry is damaged');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + compressed);
    try {
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data, { maxOutputLength: MAX_XML_BYTES });
    } catch {
      throw new DocumentError(`is not a .docx file: ${wanted} cannot be decompressed`);
    }
    throw new DocumentError(`is not a .docx file Haven can read: compression method ${method}`);
  }
  return null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e.startsWith('#x') || e.startsWith('#X')
      ? String.fromCodePoint(Number.parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (ENTITIES[e] ?? m),
  );

/** Word's paragraphs as lines: text runs, tabs and breaks; headings and list items marked. */
export function docxText(bytes: Buffer): string {
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50)
    throw new DocumentError('is not a .docx file: it is not a zip archive');
  const xml = zipEntry(bytes, 'word/document.xml');
  if (!xml) throw new DocumentError('is not a .docx file: it has no word/document.xml');
  const body = xml.toString('utf8');
  const lines: string[] = [];
  for (const p of body.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
    const style = /<w:pStyle w:val="([^"]*)"/.exec(p)?.[1] ?? '';
    const text = decodeEntities(
      (p.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>|<w:tab\/>|<w:br\/>/g) ?? [])
        .map((r) => (r.startsWith('<w:t') && !r.startsWith('<w:tab') ? r.replace(/<[^>]+>/g, '') : ' '))
        .join(''),
    ).trim();
    if (text === '') {
      lines.push('');
      continue;
    }
    const level = /^(?:Heading|Title)(\d)?$/i.exec(style);
    if (level)
      lines.push(`${'#'.repeat(style.toLowerCase() === 'title' ? 1 : Number(level[1] ?? 1) + 1)} ${text}`);
    else if (/<w:numPr>/.test(p) || /^List/i.test(style)) lines.push(`- ${text}`);
    else lines.push(text);
    lines.push('');
  }
  return lines.join('\n');
}

const ACCEPTED = ['.txt', '.md', '.markdown', '.docx'];

/** The document's text, by its file name's ending; a precise DocumentError for anything else. */
export function documentText(filename: string, bytes: Buffer): string {
  const ext = /\.[a-z]+$/i.exec(filename)?.[0]?.toLowerCase() ?? '';
  if (!ACCEPTED.includes(ext))
    throw new DocumentError(
      `must be plain text (.txt), Markdown (.md) or Word (.docx), not "${ext || 'no extension'}"`,
    );
  if (bytes.length === 0) throw new DocumentError('is empty');
  if (ext === '.docx') return docxText(bytes);
  if (bytes.includes(0)) throw new DocumentError('is not text: it contains NUL bytes (a binary file?)');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DocumentError('is not UTF-8 text');
  }
}
