import { z } from 'zod';
import type { AgreementItem, AgreementSection, AgreementTemplate, SignatureField } from './schema.ts';

/**
 * What signing needs beyond the templates: the canonical text a signature's hash is taken over,
 * the answers each form kind accepts, a school's own document turned into a new version, and the
 * start of the school year pupils' signatures lapse at.
 */

const items = (t: AgreementTemplate): AgreementItem[] => t.sections.flatMap((s) => s.items);

/**
 * The text a signer reads, one line per part, in a fixed order: the hash of this is what a
 * signature names, so any change to the wording, the form or its labels is a different text.
 */
export function canonicalText(t: AgreementTemplate): string {
  const lines = [t.title, `Version ${t.version}`, t.intro];
  for (const section of t.sections) {
    lines.push('', `## ${section.title}`);
    for (const item of section.items)
      lines.push(`- [${item.id}]${item.label ? ` ${item.label}:` : ''} ${item.text}`);
  }
  for (const notice of t.notices) lines.push('', `Notice: ${notice.text}`);
  lines.push('', `Form: ${t.form.kind}`);
  if (t.form.heading) lines.push(t.form.heading.label);
  for (const d of t.form.declarations) lines.push(`Declaration: ${d.text}`);
  for (const f of t.form.fields) lines.push(`Field [${f.id}]: ${f.label}`);
  if (t.form.approval) {
    lines.push(t.form.approval.heading.label, `Declaration: ${t.form.approval.statement.text}`);
    for (const f of t.form.approval.fields) lines.push(`Field [${f.id}]: ${f.label}`);
  }
  return `${lines.map((l) => l.replace(/\s+/g, ' ').trim()).join('\n')}\n`;
}

export type FieldAnswer = string | string[];

export interface SignatureAnswers {
  /** The items ticked, by id (KS1: all ten). */
  ticks?: string[];
  /** Permission items answered one by one (seed 001 appendix 5). */
  permissions?: Record<string, boolean>;
  /** Field id to answer; a field with several blanks takes one answer per blank. */
  fields: Record<string, FieldAnswer>;
  /** The signer agrees to the items and declarations. */
  agreed: true;
}

export interface AnswerProblem {
  path: string;
  reason: string;
}

const answerText = z.string().trim().max(200);

function checkFields(
  fields: readonly SignatureField[],
  given: Record<string, unknown>,
  path: string,
  problems: AnswerProblem[],
): Record<string, FieldAnswer> {
  const out: Record<string, FieldAnswer> = {};
  const known = new Set(fields.map((f) => f.id));
  for (const id of Object.keys(given))
    if (!known.has(id)) problems.push({ path: `${path}.${id}`, reason: 'is not a field of this form' });
  for (const f of fields) {
    const raw = given[f.id];
    const values = f.blanks > 1 ? raw : [raw];
    if (raw === undefined || raw === '' || raw === null) {
      if (!f.optional) problems.push({ path: `${path}.${f.id}`, reason: `"${f.label}" must be filled in` });
      continue;
    }
    if (!Array.isArray(values) || values.length !== f.blanks) {
      problems.push({ path: `${path}.${f.id}`, reason: `"${f.label}" takes ${f.blanks} answers` });
      continue;
    }
    const parsed = values.map((v) => answerText.safeParse(v));
    if (parsed.some((p) => !p.success || p.data === '')) {
      problems.push({
        path: `${path}.${f.id}`,
        reason: `"${f.label}" must be ${f.blanks > 1 ? 'answers' : 'an answer'} of 1 to 200 characters`,
      });
      continue;
    }
    const texts = parsed.map((p) => (p.success ? p.data : ''));
    if (f.type === 'date' && !texts.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))) {
      problems.push({ path: `${path}.${f.id}`, reason: `"${f.label}" must be a date written YYYY-MM-DD` });
      continue;
    }
    out[f.id] = f.blanks > 1 ? texts : texts[0]!;
  }
  return out;
}

const answersShape = z.strictObject({
  ticks: z.array(z.string().max(64)).max(200).optional(),
  permissions: z.record(z.string().max(64), z.boolean()).optional(),
  fields: z.record(z.string().max(64), z.unknown()),
  agreed: z.literal(true, { error: 'the signer must agree to the items' }),
});

/** The answers to an agreement's form, checked against that form; problems name the field. */
export function checkAnswers(
  t: AgreementTemplate,
  raw: unknown,
): { answers: SignatureAnswers; problems: [] } | { answers: null; problems: AnswerProblem[] } {
  const shape = answersShape.safeParse(raw);
  if (!shape.success)
    return {
      answers: null,
      problems: shape.error.issues.map((i) => ({
        path: ['answers', ...i.path].join('.'),
        reason: i.message,
      })),
    };
  const problems: AnswerProblem[] = [];
  const all = items(t);
  const answers: SignatureAnswers = { fields: {}, agreed: true };
  if (t.form.kind === 'ticks') {
    const ticked = new Set(shape.data.ticks ?? []);
    for (const id of ticked)
      if (!all.some((i) => i.id === id))
        problems.push({ path: `answers.ticks.${id}`, reason: 'is not an item' });
    for (const item of all)
      if (!item.permission && !ticked.has(item.id))
        problems.push({
          path: `answers.ticks.${item.id}`,
          reason: `"${item.label ?? item.text}" must be ticked`,
        });
    answers.ticks = all.filter((i) => ticked.has(i.id)).map((i) => i.id);
  } else if (shape.data.ticks !== undefined) {
    problems.push({ path: 'answers.ticks', reason: 'this form has no ticks' });
  }
  const permissionItems = all.filter((i) => i.permission);
  const given = shape.data.permissions ?? {};
  for (const id of Object.keys(given))
    if (!permissionItems.some((i) => i.id === id))
      problems.push({ path: `answers.permissions.${id}`, reason: 'is not a permission of this agreement' });
  if (permissionItems.length > 0) {
    answers.permissions = {};
    for (const item of permissionItems) {
      const v = given[item.id];
      if (v === undefined)
        problems.push({ path: `answers.permissions.${item.id}`, reason: 'must be answered yes or no' });
      else answers.permissions[item.id] = v;
    }
  }
  answers.fields = checkFields(t.form.fields, shape.data.fields, 'answers.fields', problems);
  return problems.length > 0 ? { answers: null, problems } : { answers, problems: [] };
}

/** The approver's block of an approval form (seed 001 appendix 1, "Authorised signature"). */
export function checkApproval(
  t: AgreementTemplate,
  raw: unknown,
): { fields: Record<string, FieldAnswer>; problems: AnswerProblem[] } {
  const problems: AnswerProblem[] = [];
  if (!t.form.approval)
    return { fields: {}, problems: [{ path: 'agreement', reason: 'this form has no approval' }] };
  const shape = z.strictObject({ fields: z.record(z.string().max(64), z.unknown()) }).safeParse(raw);
  if (!shape.success)
    return { fields: {}, problems: [{ path: 'fields', reason: 'must be the approver’s fields' }] };
  const fields = checkFields(t.form.approval.fields, shape.data.fields, 'fields', problems);
  return { fields, problems };
}

export interface ImportProblem {
  line: number | null;
  reason: string;
}

/**
 * A school's own document (plain text or Markdown; a .docx arrives here as its paragraphs) as the
 * items of a new version of `base`: headings start sections, each other paragraph or list entry is
 * one item, citing its line in the document. The form, who signs and the renewal stay the base's.
 */
export function importedAgreement(
  base: AgreementTemplate,
  document: string,
  filename: string,
  version: number,
): { agreement: AgreementTemplate; problems: [] } | { agreement: null; problems: ImportProblem[] } {
  if (document.includes('\u0000'))
    return { agreement: null, problems: [{ line: null, reason: 'is not text: it contains NUL bytes' }] };
  const lines = document.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let title: string | null = null;
  const sections: AgreementSection[] = [];
  let current: AgreementSection | null = null;
  let paragraph: { text: string; line: number } | null = null;
  const itemIds = new Set<string>();
  const flush = () => {
    if (!paragraph) return;
    if (!current) {
      current = { id: 'agreement', title: base.title, items: [] };
      sections.push(current);
    }
    let id = `item-${itemIds.size + 1}`;
    while (itemIds.has(id)) id = `${id}-x`;
    itemIds.add(id);
    current.items.push({
      id,
      text: paragraph.text,
      permission: false,
      source: { seed: filename, section: current.title, line: paragraph.line },
    });
    paragraph = null;
  };
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const n = i + 1;
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (line === '') {
      flush();
      return;
    }
    if (heading) {
      flush();
      const text = heading[1]!.replace(/[*_`]/g, '').trim();
      if (text === '') return;
      if (title === null && sections.length === 0 && line.startsWith('# ')) {
        title = text;
        return;
      }
      current = { id: `section-${sections.length + 1}`, title: text, items: [] };
      sections.push(current);
      return;
    }
    const bullet = /^(?:[-*+•]|\d{1,3}[.)])\s+(.*)$/.exec(line);
    const text = (bullet ? bullet[1]! : line).replace(/\*\*|__|`/g, '').trim();
    if (bullet) flush();
    if (text === '') return;
    if (paragraph) paragraph.text = `${paragraph.text} ${text}`;
    else paragraph = { text, line: n };
    if (bullet) flush();
  });
  flush();
  const kept = sections.filter((s) => s.items.length > 0);
  if (kept.length === 0)
    return { agreement: null, problems: [{ line: null, reason: 'has no text to make an agreement from' }] };
  const problems: ImportProblem[] = [];
  for (const s of kept)
    for (const item of s.items)
      if (item.text.length > 5000)
        problems.push({ line: item.source.line, reason: 'a paragraph is longer than 5000 characters' });
  if (problems.length > 0) return { agreement: null, problems };
  return {
    agreement: {
      ...base,
      title: title ?? base.title,
      version,
      intro: base.intro,
      sections: kept,
      notices: [],
      readings: [
        {
          where: 'sections',
          reading: `The school's own wording, imported from ${filename}; the form and who signs are those of version ${base.version}.`,
        },
      ],
    },
    problems: [],
  };
}

/** The first day of the school year `day` (YYYY-MM-DD) falls in: 1 September in England and Wales. */
export function schoolYearStart(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return `${month >= 9 ? year : year - 1}-09-01`;
}
