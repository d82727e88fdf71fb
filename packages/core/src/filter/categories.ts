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

/** Plain names for explanations, block pages and the web app. */
export const CATEGORY_LABELS: Record<CategoryId, string> = {
  'child-abuse': 'child sexual abuse content',
  terrorism: 'terrorist content',
  discrimination: 'discrimination',
  drugs: 'drugs and substance abuse',
  extremism: 'extremism',
  gambling: 'gambling',
  'hate-speech': 'hate speech',
  'malware-hacking': 'malware and hacking',
  misinformation: 'mis- and disinformation',
  pornography: 'pornography',
  piracy: 'piracy and copyright theft',
  'self-harm': 'self-harm',
  violence: 'violence',
  'social-media': 'social media',
  messaging: 'messaging',
  chat: 'chat rooms',
  blogs: 'blogs',
  webmail: 'personal webmail',
  'gaming-educational': 'educational online games',
  gaming: 'online games',
  shopping: 'online shopping',
  'file-sharing': 'file sharing',
  'video-broadcasting': 'video broadcasting',
  bypass: 'filter bypass (proxies, VPNs, encrypted DNS)',
  dating: 'dating',
  'hacking-tools': 'hacking and penetration-testing tools',
  'large-downloads': 'large downloads',
  forums: 'forums and newsgroups',
  advertising: 'advertising',
  'remote-access': 'remote-control tools',
  'ai-chatbots': 'AI chat services',
};

/**
 * The UK Safer Internet Centre's inappropriate-content categories (with filter bypass, which the
 * DfE standards also expect blocked). Where a school's policy says nothing about one of these,
 * Haven blocks it and says that the block is Haven's baseline, not the policy's.
 */
export const BASELINE_BLOCKED: readonly CategoryId[] = [
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
  'bypass',
];

export function isCategoryId(s: string): s is CategoryId {
  return (CATEGORY_IDS as readonly string[]).includes(s);
}
