import { normaliseYearGroup } from '../agreements/who-signs.ts';
import type { CsvTable } from './csv.ts';
import {
  type ColumnMapping,
  type ImportField,
  type ImportKind,
  mapColumns,
  UNKEPT_FIELDS,
} from './mapping.ts';

/**
 * What an import of one MIS file would do, worked out before anything is written: the mapping,
 * who is added, updated (field by field), unchanged or leaving, the links and roles it adds, and
 * every problem by file line. The server applies exactly this plan in one transaction.
 */

/** The directory fields an import keeps on a person. */
export const PERSON_FIELDS = [
  'givenName',
  'familyName',
  'displayName',
  'email',
  'yearGroup',
  'className',
  'leftOn',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];
export interface PersonValues {
  givenName: string;
  familyName: string;
  displayName: string;
  email: string | null;
  yearGroup: string | null;
  className: string | null;
  leftOn: string | null;
}

export interface ExistingPerson extends PersonValues {
  id: string;
  misId: string | null;
  /** Policy role ids held (staff and governors). */
  roleIds?: readonly string[];
  /** Pupils linked, by the pupil's MIS id (parents). */
  wards?: readonly { pupilMisId: string; relationship: string | null }[];
}

export interface PlanContext {
  /** The school's people of the kind being imported. */
  existing: readonly ExistingPerson[];
  /** The school's pupils with an MIS id, for a parents import. */
  pupils?: readonly { id: string; misId: string }[];
  /** Roles of the school's approved policy, for staff and governors. */
  roles?: readonly { id: string; title: string }[];
  /** The year groups the school teaches (from its policy's key stages); unchecked when absent. */
  yearGroups?: readonly string[];
  /** MIS ids held by people of other kinds at the school: an MIS id is unique within a school. */
  otherMisIds?: ReadonlySet<string>;
  /** The file lists everyone current: anyone of the kind with an MIS id it leaves out has left. */
  full?: boolean;
  /** Today (YYYY-MM-DD): the leaving date given to those a full import leaves out. */
  today: string;
  mapping?: Readonly<Record<string, string>>;
}

export interface ImportProblem {
  /** The file line (1 = the header); null for a problem with the mapping itself. */
  line: number | null;
  field: ImportField | null;
  /** The column as headed in the file, when the problem is in one. */
  column: string | null;
  reason: string;
}

export interface FieldChange {
  field: PersonField;
  from: string | null;
  to: string | null;
}

export interface PlannedAdd {
  line: number;
  misId: string;
  values: PersonValues;
}

export interface PlannedUpdate {
  line: number;
  id: string;
  misId: string;
  displayName: string;
  changes: FieldChange[];
}

export interface PlannedLeaver {
  id: string;
  misId: string;
  displayName: string;
  leftOn: string;
  /** Absent from a full import, or given a leaving date by the file (on `line`). */
  reason: 'absent' | 'leaving-date';
  line: number | null;
}

export interface PlannedLink {
  line: number;
  parentMisId: string;
  pupilMisId: string;
  pupilId: string;
  relationship: string | null;
  /** The relationship the link has now, for a link that exists with another one. */
  was?: string | null;
}

export interface PlannedRole {
  line: number;
  misId: string;
  policyRoleId: string;
  title: string;
}

export interface ImportPlan {
  kind: ImportKind;
  full: boolean;
  mapping: ColumnMapping;
  /** Data rows in the file (not counting the header). */
  rows: number;
  add: PlannedAdd[];
  update: PlannedUpdate[];
  unchanged: number;
  leavers: PlannedLeaver[];
  links: { add: PlannedLink[]; update: PlannedLink[]; unchanged: number };
  roles: { add: PlannedRole[]; unchanged: number };
  problems: ImportProblem[];
  /** Lines with at least one problem: skipped by "import the good rows". */
  badLines: number[];
  /** False when nothing can be imported at all (a required column is missing). */
  importable: boolean;
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]+$/;
const REPLACEMENT = '\uFFFD';

interface ParsedRow {
  line: number;
  misId: string;
  values: PersonValues;
  roleIds: { id: string; title: string }[];
  pupil: { misId: string; id: string } | null;
  relationship: string | null;
}

/** Works out what importing `table` as `kind` would do. Pure: it reads only its arguments. */
export function planImport(kind: ImportKind, table: CsvTable, context: PlanContext): ImportPlan {
  const mapping = mapColumns(
    kind,
    table.header.cells.map((h) => h.trim()),
    context.mapping,
  );
  const plan: ImportPlan = {
    kind,
    full: context.full ?? false,
    mapping,
    rows: table.records.length,
    add: [],
    update: [],
    unchanged: 0,
    leavers: [],
    links: { add: [], update: [], unchanged: 0 },
    roles: { add: [], unchanged: 0 },
    problems: [],
    badLines: [],
    importable: true,
  };
  for (const problem of mapping.problems) {
    plan.problems.push({ line: null, field: null, column: problem.column, reason: problem.reason });
  }
  if (mapping.missing.length > 0 || mapping.problems.length > 0) {
    for (const field of mapping.missing) {
      plan.problems.push({
        line: 1,
        field,
        column: null,
        reason: `no column holds the ${field} (required): name one with the mapping`,
      });
    }
    plan.importable = false;
    return plan;
  }

  const columnOf = new Map<ImportField, { index: number; header: string }>();
  for (const column of mapping.columns) {
    if (column.field) columnOf.set(column.field, { index: column.index, header: column.header });
  }
  const width = table.header.cells.length;
  const bad = new Set<number>();
  const problem = (line: number, field: ImportField | null, reason: string) => {
    plan.problems.push({ line, field, column: field ? (columnOf.get(field)?.header ?? null) : null, reason });
    bad.add(line);
  };

  const roleByTitle = new Map((context.roles ?? []).map((r) => [fold(r.title), r]));
  const pupilByMisId = new Map((context.pupils ?? []).map((p) => [p.misId, p]));
  const yearGroups = context.yearGroups ? new Set(context.yearGroups) : null;
  const seen = new Map<string, ParsedRow>();
  const misIdsInFile = new Set<string>();
  const contactLinks = new Map<string, number>();
  const parsed: ParsedRow[] = [];

  for (const record of table.records) {
    const { line, cells } = record;
    const cell = (field: ImportField): string | null => {
      const column = columnOf.get(field);
      if (!column) return null;
      const value = (cells[column.index] ?? '').trim();
      return value === '' ? null : value;
    };
    if (cells.length !== width) {
      problem(line, null, `has ${cells.length} fields where the header has ${width}`);
    }
    cells.forEach((value, index) => {
      if (value.includes(REPLACEMENT)) {
        const column = mapping.columns[index];
        plan.problems.push({
          line,
          field: column?.field ?? null,
          column: column?.header ?? null,
          reason: 'holds a character that could not be decoded: the file may not be UTF-8 (try windows-1252)',
        });
        bad.add(line);
      }
    });

    const misId = cell('misId');
    if (misId) misIdsInFile.add(misId);
    const required = (field: ImportField, max: number): string | null => {
      const value = cell(field);
      if (value === null) problem(line, field, 'is required but empty');
      else if (value.length > max) problem(line, field, `is longer than ${max} characters`);
      return value;
    };
    required('misId', 64);
    if (misId !== null && context.otherMisIds?.has(misId)) {
      problem(
        line,
        'misId',
        `the MIS id "${misId}" already belongs to someone in the directory who is not one of the ${kind}`,
      );
    }
    const givenName = required('givenName', 100);
    const familyName = required('familyName', 100);
    const preferred = cell('preferredName');

    let email = cell('email');
    if (email !== null) {
      email = email.toLowerCase();
      if (email.length > 254 || !EMAIL.test(email))
        problem(line, 'email', `"${email}" is not an e-mail address`);
    }

    let yearGroup: string | null = null;
    if (kind === 'pupils') {
      const raw = required('yearGroup', 40);
      if (raw !== null) {
        yearGroup = normaliseYearGroup(raw);
        if (yearGroup === null) {
          problem(
            line,
            'yearGroup',
            `"${raw}" is not a year group: expected Reception or Year 1 to Year 13 (R, Y5, Yr 9, 10)`,
          );
        } else if (yearGroups && !yearGroups.has(yearGroup)) {
          problem(line, 'yearGroup', `${yearGroup} is not a year group this school's policy covers`);
        }
      }
    }
    const className = cell('className');
    if (className && className.length > 40) problem(line, 'className', 'is longer than 40 characters');

    let leftOn: string | null = null;
    const rawLeft = cell('leftOn');
    if (rawLeft !== null) {
      leftOn = parseDate(rawLeft);
      if (leftOn === null)
        problem(line, 'leftOn', `"${rawLeft}" is not a date: expected DD/MM/YYYY or YYYY-MM-DD`);
    }

    const roleIds: ParsedRow['roleIds'] = [];
    const rawRoles = cell('roles');
    if (rawRoles !== null) {
      for (const title of rawRoles
        .split(/[;|]/)
        .map((r) => r.trim())
        .filter(Boolean)) {
        const role = roleByTitle.get(fold(title));
        if (role) {
          if (!roleIds.some((r) => r.id === role.id)) roleIds.push(role);
        } else {
          problem(
            line,
            'roles',
            `"${title}" is not a role in the school's approved policy (roles: ${(context.roles ?? []).map((r) => r.title).join('; ')})`,
          );
        }
      }
    }

    let pupil: ParsedRow['pupil'] = null;
    if (kind === 'parents') {
      const pupilMisId = required('pupilMisId', 64);
      if (pupilMisId !== null) {
        const found = pupilByMisId.get(pupilMisId);
        if (found) pupil = { misId: pupilMisId, id: found.id };
        else
          problem(
            line,
            'pupilMisId',
            `no pupil in the directory has the MIS id "${pupilMisId}": import the pupils first`,
          );
      }
    }
    const relationship = cell('relationship');

    if (misId === null || givenName === null || familyName === null) continue;
    const row: ParsedRow = {
      line,
      misId,
      values: {
        givenName,
        familyName,
        displayName: `${preferred ?? givenName} ${familyName}`,
        email,
        yearGroup,
        className: kind === 'pupils' ? className : null,
        leftOn,
      },
      roleIds,
      pupil,
      relationship: relationship && relationship.length <= 60 ? relationship : null,
    };

    // One row per person, except contacts: SIMS lists a contact once per child.
    const earlier = seen.get(misId);
    if (earlier) {
      if (kind !== 'parents') {
        problem(line, 'misId', `the MIS id "${misId}" is also on line ${earlier.line}`);
        problem(earlier.line, 'misId', `the MIS id "${misId}" is also on line ${line}`);
        continue;
      }
      const sameChild = pupil ? contactLinks.get(`${misId}\u0000${pupil.misId}`) : undefined;
      if (pupil && sameChild !== undefined) {
        problem(
          line,
          'pupilMisId',
          `contact "${misId}" is linked to pupil "${pupil.misId}" already on line ${sameChild}`,
        );
        continue;
      }
      const differs = (['givenName', 'familyName', 'email'] as const).find(
        (f) => (earlier.values[f] ?? '') !== (row.values[f] ?? ''),
      );
      if (differs) {
        problem(line, differs, `contact "${misId}" has a different ${differs} on line ${earlier.line}`);
        continue;
      }
    } else {
      seen.set(misId, row);
    }
    if (pupil) contactLinks.set(`${misId}\u0000${pupil.misId}`, line);
    parsed.push(row);
  }

  // A row with a problem takes no part, and neither do later rows of the same contact.
  const good = parsed.filter((row) => !bad.has(row.line) && !bad.has(seen.get(row.misId)?.line ?? -1));
  plan.badLines = [...bad].sort((a, b) => a - b);
  const existingByMisId = new Map(
    context.existing.filter((p) => p.misId !== null).map((p) => [p.misId as string, p]),
  );
  const kept = (field: ImportField) => columnOf.has(field) && !UNKEPT_FIELDS.includes(field);
  const compared: PersonField[] = ['givenName', 'familyName', 'displayName'];
  if (kept('email')) compared.push('email');
  if (kind === 'pupils') compared.push('yearGroup');
  if (kind === 'pupils' && kept('className')) compared.push('className');

  const planned = new Set<string>();
  for (const row of good) {
    const person = existingByMisId.get(row.misId);
    if (!planned.has(row.misId)) {
      planned.add(row.misId);
      if (!person) {
        plan.add.push({ line: row.line, misId: row.misId, values: row.values });
      } else {
        const changes: FieldChange[] = compared
          .filter((field) => person[field] !== row.values[field])
          .map((field) => ({ field, from: person[field], to: row.values[field] }));
        const leaving = row.values.leftOn !== null && row.values.leftOn !== person.leftOn;
        // Someone back in the file with no leaving date has rejoined (a pupil re-admitted).
        if (row.values.leftOn === null && person.leftOn !== null) {
          changes.push({ field: 'leftOn', from: person.leftOn, to: null });
        }
        if (leaving) {
          plan.leavers.push({
            id: person.id,
            misId: row.misId,
            displayName: person.displayName,
            leftOn: row.values.leftOn as string,
            reason: 'leaving-date',
            line: row.line,
          });
        }
        if (changes.length > 0) {
          plan.update.push({
            line: row.line,
            id: person.id,
            misId: row.misId,
            displayName: person.displayName,
            changes,
          });
        } else if (!leaving) {
          plan.unchanged++;
        }
      }
    }

    const held = new Set(person?.roleIds ?? []);
    for (const role of row.roleIds) {
      if (held.has(role.id)) plan.roles.unchanged++;
      else
        plan.roles.add.push({ line: row.line, misId: row.misId, policyRoleId: role.id, title: role.title });
    }

    if (row.pupil) {
      const link: PlannedLink = {
        line: row.line,
        parentMisId: row.misId,
        pupilMisId: row.pupil.misId,
        pupilId: row.pupil.id,
        relationship: row.relationship,
      };
      const existingLink = person?.wards?.find((w) => w.pupilMisId === row.pupil?.misId);
      if (!existingLink) plan.links.add.push(link);
      else if ((existingLink.relationship ?? null) !== row.relationship && row.relationship !== null) {
        plan.links.update.push({ ...link, was: existingLink.relationship });
      } else plan.links.unchanged++;
    }
  }

  if (plan.full) {
    for (const person of context.existing) {
      if (person.misId === null || misIdsInFile.has(person.misId)) continue;
      if (person.leftOn !== null && person.leftOn <= context.today) continue;
      plan.leavers.push({
        id: person.id,
        misId: person.misId,
        displayName: person.displayName,
        leftOn: context.today,
        reason: 'absent',
        line: null,
      });
    }
  }
  plan.problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return plan;
}

/** Counts for a preview, a result and the import log. */
export function planCounts(plan: ImportPlan) {
  return {
    rows: plan.rows,
    added: plan.add.length,
    updated: plan.update.length,
    unchanged: plan.unchanged,
    leavers: plan.leavers.length,
    linksAdded: plan.links.add.length,
    linksUpdated: plan.links.update.length,
    rolesAdded: plan.roles.add.length,
    problems: plan.problems.length,
    badRows: plan.badLines.length,
  };
}
export type ImportCounts = ReturnType<typeof planCounts>;

const fold = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** "31/08/2026", "31-8-2026", "31.08.2026" (UK order) or "2026-08-31"; two-digit years are refused. */
export function parseDate(text: string): string | null {
  const value = text.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(value);
  let year: number;
  let month: number;
  let day: number;
  if (match) {
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: .*)?$/.exec(value);
    if (!match) return null;
    [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString().slice(0, 10);
}
