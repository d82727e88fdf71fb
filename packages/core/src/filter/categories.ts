import { z } from 'zod';

/**
 * Haven's web-content categories. The first group follows the UK Safer Internet Centre's
 * "appropriate filtering" list (illegal content, then the inappropriate-content categories);
 * the second group holds the operational categories the seed schools' matrices name.
 * The filtering issue maps list sources (UT1, hosts files) onto these ids.
 */
export const CATEGORY_IDS = [
  // UKSIC: illegal
  'child-abuse',
  'terrorism',
  // UKSIC: inappropriate
  'discrimination',
  'drugs',
  'extremism',
  'gambling',
  'hate-speech',
  'malware-hacking',
  'misinformation',
  'pornography',
  'piracy',
  'self-harm',
  'violence',
  // operational (named by the seeds' matrices)
  'social-media',
  'messaging',
  'chat',
  'blogs',
  'webmail',
  'gaming-educational',
  'gaming',
  'shopping',
  'file-sharing',
  'video-broadcasting',
  'bypass',
  'dating',
  'hacking-tools',
  'large-downloads',
  // operational (named by list sources and the seeds' prose: forums and newsgroups, adverts,
  // remote-control tools, AI chat services)
  'forums',
  'advertising',
  'remote-access',
  'ai-chatbots',
] as const;

export const categoryId = z.enum(CATEGORY_IDS);
export type CategoryId = z.infer<typeof categoryId>;

/** Categories that no group, exception, setting or administrator can unblock. */
export const ILLEGAL_CATEGORIES: readonly CategoryId[] = ['child-abuse', 'terrorism'];
