/**
 * What an evidence file really is, from its first bytes, and whether Haven may keep it. A file is
 * refused when it is larger than the limit, when its bytes are not what its name and declared
 * type say (a "disguised" file), when it is of a kind Haven does not take, and when it is an
 * image on an incident that is about nude or semi-nude images or on the illegal path: suspected
 * child sexual abuse imagery is never stored, even as evidence (KCSIE; UKCIS). Pure: it looks at
 * bytes it is given.
 */

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

export type EvidenceType = 'png' | 'jpeg' | 'gif' | 'webp' | 'pdf' | 'text';

const TYPES: Record<EvidenceType, { mediaTypes: string[]; extensions: string[]; image: boolean }> = {
  png: { mediaTypes: ['image/png'], extensions: ['png'], image: true },
  jpeg: { mediaTypes: ['image/jpeg'], extensions: ['jpg', 'jpeg'], image: true },
  gif: { mediaTypes: ['image/gif'], extensions: ['gif'], image: true },
  webp: { mediaTypes: ['image/webp'], extensions: ['webp'], image: true },
  pdf: { mediaTypes: ['application/pdf'], extensions: ['pdf'], image: false },
  text: {
    mediaTypes: ['text/plain', 'message/rfc822', 'text/csv'],
    extensions: ['txt', 'eml', 'csv', 'log'],
    image: false,
  },
};

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);

/** The type the bytes show, or null for none Haven takes. */
export function sniffEvidence(bytes: Uint8Array): EvidenceType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return 'webp';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  // Text: no NUL and no other control bytes but tab, line feed, carriage return and form feed.
  const sample = bytes.subarray(0, 64 * 1024);
  for (const c of sample) if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) return null;
  return 'text';
}

export type EvidenceRefusal = {
  reason: 'empty' | 'too-large' | 'unsupported' | 'disguised' | 'imagery-never-stored';
  message: string;
};

/**
 * Checks a file before it is stored. `imageryForbidden` is true on the nudes protocol and on the
 * illegal path; there an image is refused with the explanation, and the incident records instead
 * that it existed and who was told.
 */
export function checkEvidenceFile(
  f: { filename: string; mediaType: string; bytes: Uint8Array },
  o: { imageryForbidden: boolean },
): { ok: true; type: EvidenceType } | ({ ok: false } & EvidenceRefusal) {
  if (f.bytes.length === 0) return { ok: false, reason: 'empty', message: 'The file is empty.' };
  if (f.bytes.length > EVIDENCE_MAX_BYTES)
    return {
      ok: false,
      reason: 'too-large',
      message: `The file is larger than ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB.`,
    };
  const type = sniffEvidence(f.bytes);
  const ext = f.filename.toLowerCase().split('.').pop() ?? '';
  const declared = Object.entries(TYPES).find(
    ([, t]) => t.mediaTypes.includes(f.mediaType.toLowerCase()) || t.extensions.includes(ext),
  );
  if (type && TYPES[type].image && o.imageryForbidden)
    return {
      ok: false,
      reason: 'imagery-never-stored',
      message:
        'Images are never stored on this incident: it may involve indecent images of a child, which must not be copied or kept, even as evidence. Record instead that the image exists, where it is and who was told.',
    };
  if (!type)
    return {
      ok: false,
      reason: 'unsupported',
      message: 'Haven keeps screenshots (PNG, JPEG, GIF, WebP), PDF and text files only.',
    };
  const t = TYPES[type];
  const extFits = t.extensions.includes(ext);
  const mediaFits = t.mediaTypes.includes(f.mediaType.toLowerCase());
  if (!extFits || !mediaFits || (declared && declared[0] !== type))
    return {
      ok: false,
      reason: 'disguised',
      message: `The file's contents (${type}) do not match its name or type (${f.filename}, ${f.mediaType}).`,
    };
  return { ok: true, type };
}

export function isImageType(type: EvidenceType): boolean {
  return TYPES[type].image;
}
