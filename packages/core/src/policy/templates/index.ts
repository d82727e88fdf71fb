import { type PolicyDocument, policyDocument } from '../schema.ts';
import { blank } from './blank.ts';
import { milfordHaven } from './milford-haven.ts';
import { primaryAdvantage } from './primary-advantage.ts';
import { stJohnPayne } from './st-john-payne.ts';
import { westover } from './westover.ts';
import { wsapc } from './wsapc.ts';

/** The bundled templates: the five seed schools in seed order, then the blank one. */
const SOURCES = [milfordHaven, primaryAdvantage, westover, wsapc, stJohnPayne, blank];

export interface TemplateSummary {
  id: string;
  name: string;
  seed: string | null;
}

let parsed: PolicyDocument[] | undefined;

/** Every template, validated. A template that fails validation is a bug in Haven: it throws. */
export function templates(): PolicyDocument[] {
  parsed ??= SOURCES.map((t) => policyDocument.parse(t));
  return parsed;
}

export function template(id: string): PolicyDocument | undefined {
  return templates().find((t) => t.id === id);
}

export function templateSummaries(): TemplateSummary[] {
  return templates().map((t) => ({ id: t.id, name: t.school.name, seed: t.seed }));
}

export const DEFAULT_TEMPLATE = 'milford-haven';
