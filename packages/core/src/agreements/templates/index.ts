import type { AgreementTemplateInput } from '../schema.ts';
import { type AgreementSummary, type AgreementTemplate, agreementTemplateSchema } from '../schema.ts';
import { milfordHavenAgreements } from './milford-haven.ts';
import { primaryAdvantageAgreements } from './primary-advantage.ts';
import { stJohnPayneAgreements } from './st-john-payne.ts';
import { westoverAgreements } from './westover.ts';
import { wsapcAgreements } from './wsapc.ts';

/** Each policy template's agreements, keyed by the policy template id (packages/core/src/policy/templates). */
const SOURCES: Record<string, AgreementTemplateInput[]> = {
  'milford-haven': milfordHavenAgreements,
  'primary-advantage': primaryAdvantageAgreements,
  westover: westoverAgreements,
  wsapc: wsapcAgreements,
  'st-john-payne': stJohnPayneAgreements,
};

const parsed = new Map<string, AgreementTemplate[]>();

/** The policy templates that come with agreements. */
export function agreementTemplateIds(): string[] {
  return Object.keys(SOURCES);
}

/**
 * A school template's agreements, validated, in the order the school lists them. A template that
 * fails validation is a bug in Haven: it throws. A policy template without agreements (the blank
 * one) has none.
 */
export function agreementTemplates(templateId: string): AgreementTemplate[] {
  const cached = parsed.get(templateId);
  if (cached) return cached;
  const sources = Object.hasOwn(SOURCES, templateId) ? SOURCES[templateId]! : [];
  const out = sources.map((t) => agreementTemplateSchema.parse(t));
  parsed.set(templateId, out);
  return out;
}

export function agreementTemplate(templateId: string, agreementId: string): AgreementTemplate | undefined {
  return agreementTemplates(templateId).find((t) => t.id === agreementId);
}

/** The rows `haven agreements list --json` prints. */
export function agreementSummaries(templateId: string): AgreementSummary[] {
  return agreementTemplates(templateId).map((t) => ({
    id: t.id,
    audience: t.audience,
    title: t.title,
    version: t.version,
    seed: t.seed,
  }));
}
