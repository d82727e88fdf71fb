/**
 * Which column of an MIS export holds which directory field. SIMS and Arbor name the same thing
 * several ways ("Legal Surname", "Surname", "Last name"); headers are compared with case, spaces
 * and punctuation ignored, and each field takes the first column matching its most preferred
 * spelling. The admin sees the result before anything is imported and can override any column.
 */

export const IMPORT_KINDS = ['pupils', 'staff', 'parents', 'governors'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The person kind each import fills. */
export const KIND_OF_IMPORT = {
  pupils: 'pupil',
  staff: 'staff',
  parents: 'parent',
  governors: 'governor',
} as const satisfies Record<ImportKind, string>;

export const IMPORT_FIELDS = [
  'misId',
  'givenName',
  'preferredName',
  'familyName',
  'email',
  'leftOn',
  'yearGroup',
  'className',
  'title',
  'roles',
  'pupilMisId',
  'relationship',
  'priority',
  'parentalResponsibility',
  'governorType',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Fields read for the preview but not kept: the directory has nowhere for them (yet). */
export const UNKEPT_FIELDS: readonly ImportField[] = [
  'title',
  'priority',
  'parentalResponsibility',
  'governorType',
];

const NAMES = {
  givenName: ['legal forename', 'forename', 'legal first name', 'first name', 'given name', 'firstname'],
  preferredName: [
    'preferred forename',
    'preferred first name',
    'known as',
    'chosen forename',
    'preferred name',
  ],
  familyName: [
    'legal surname',
    'surname',
    'legal last name',
    'last name',
    'family name',
    'lastname',
    'preferred surname',
  ],
  email: [
    'email',
    'email address',
    'primary email',
    'primary email address',
    'school email',
    'work email',
    'personal email',
  ],
  leftOn: [
    'leaving date',
    'date of leaving',
    'date left',
    'left date',
    'end date',
    'term end date',
    'term of office ends',
  ],
};

/** Spellings per kind and field, most preferred first. */
const SPELLINGS: Record<ImportKind, Partial<Record<ImportField, string[]>>> = {
  pupils: {
    misId: [
      'mis id',
      'upn',
      'unique pupil number',
      'person id',
      'pupil id',
      'student id',
      'adno',
      'admission number',
    ],
    ...NAMES,
    yearGroup: [
      'year group',
      'nc year',
      'national curriculum year',
      'year',
      'curriculum year',
      'year taught in',
    ],
    className: [
      'reg group',
      'registration group',
      'registration form',
      'reg form',
      'form',
      'form group',
      'tutor group',
      'class',
      'reg',
    ],
  },
  staff: {
    misId: [
      'mis id',
      'staff code',
      'employee id',
      'employee number',
      'staff id',
      'person id',
      'payroll number',
    ],
    ...NAMES,
    title: ['title'],
    roles: ['policy role', 'staff role', 'role', 'roles', 'job title', 'post'],
  },
  parents: {
    misId: ['contact id', 'contact mis id', 'guardian id', 'parent id', 'mis id', 'person id'],
    givenName: ['contact forename', 'contact first name', ...NAMES.givenName],
    preferredName: NAMES.preferredName,
    familyName: ['contact surname', 'contact last name', ...NAMES.familyName],
    email: ['contact email', 'contact email address', ...NAMES.email],
    leftOn: NAMES.leftOn,
    pupilMisId: [
      'pupil mis id',
      'child mis id',
      'student mis id',
      'pupil upn',
      'student upn',
      'child upn',
      'pupil id',
      'student id',
      'child id',
      'pupil adno',
      'student adno',
      'upn',
      'adno',
    ],
    relationship: ['relationship', 'relationship to pupil', 'relationship to student', 'relation'],
    priority: ['priority', 'contact priority', 'priority order'],
    parentalResponsibility: ['parental responsibility', 'has parental responsibility', 'pr'],
  },
  governors: {
    misId: ['governor id', 'mis id', 'person id'],
    ...NAMES,
    governorType: ['type of governor', 'governor type', 'governor category', 'category'],
    roles: ['governor role', 'role', 'roles', 'post', 'position'],
  },
};

/** Fields an import cannot do without. */
export const REQUIRED_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  pupils: ['misId', 'givenName', 'familyName', 'yearGroup'],
  staff: ['misId', 'givenName', 'familyName'],
  parents: ['misId', 'givenName', 'familyName', 'pupilMisId'],
  governors: ['misId', 'givenName', 'familyName'],
};

/** The fields an import of this kind can fill. */
export function fieldsFor(kind: ImportKind): ImportField[] {
  return IMPORT_FIELDS.filter((field) => SPELLINGS[kind][field] !== undefined);
}

export interface MappedColumn {
  /** 0-based position in the file. */
  index: number;
  header: string;
  field: ImportField | null;
  /** How the field was chosen: a known spelling, the admin's override, or nothing. */
  by: 'spelling' | 'override' | 'none';
}

export interface ColumnMapping {
  columns: MappedColumn[];
  /** Required fields no column provides: the file cannot be imported. */
  missing: ImportField[];
  /** Problems with the override itself (a column or field it names that does not exist). */
  problems: { column: string; reason: string }[];
}

/** "Legal Surname", "legal_surname" and "LEGAL SURNAME" all become "legalsurname". */
export const headerKey = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Maps a file's header. `override` names columns (as headed in the file) and the field each
 * holds, or '' for a column to ignore; it wins over the known spellings.
 */
export function mapColumns(
  kind: ImportKind,
  header: readonly string[],
  override: Readonly<Record<string, string>> = {},
): ColumnMapping {
  const fields = fieldsFor(kind);
  const columns: MappedColumn[] = header.map((h, index) => ({ index, header: h, field: null, by: 'none' }));
  const problems: ColumnMapping['problems'] = [];
  const taken = new Set<ImportField>();
  const decided = new Set<number>();

  for (const [column, field] of Object.entries(override)) {
    const found = columns.find((c) => headerKey(c.header) === headerKey(column));
    if (!found) {
      problems.push({ column, reason: 'is not a column of this file' });
      continue;
    }
    decided.add(found.index);
    if (field === '') continue;
    if (!(fields as string[]).includes(field)) {
      problems.push({
        column,
        reason: `"${field}" is not a field of a ${kind} import (fields: ${fields.join(', ')})`,
      });
      continue;
    }
    if (taken.has(field as ImportField)) {
      problems.push({ column, reason: `"${field}" is already given to another column` });
      continue;
    }
    found.field = field as ImportField;
    found.by = 'override';
    taken.add(field as ImportField);
  }

  for (const field of fields) {
    if (taken.has(field)) continue;
    for (const spelling of SPELLINGS[kind][field] ?? []) {
      const found = columns.find(
        (c) => !decided.has(c.index) && c.field === null && headerKey(c.header) === headerKey(spelling),
      );
      if (found) {
        found.field = field;
        found.by = 'spelling';
        taken.add(field);
        break;
      }
    }
  }

  const missing = REQUIRED_FIELDS[kind].filter((field) => !taken.has(field));
  return { columns, missing, problems };
}

/** Reads "UPN=misId,Reg=className,Notes=" (the CLI's --map) into an override. */
export function parseMappingOverride(text: string): Record<string, string> {
  const override: Record<string, string> = {};
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const at = part.lastIndexOf('=');
    if (at < 1) throw new Error(`"${part.trim()}" is not COLUMN=field (use COLUMN= to ignore a column)`);
    override[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return override;
}
