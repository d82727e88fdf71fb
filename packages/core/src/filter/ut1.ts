import type { CategoryId } from './categories.ts';

/**
 * The Université Toulouse 1 Capitole blacklists ("UT1"), mapped onto Haven's categories.
 *
 * Every category directory of the UT1 archive has an entry, and so has every alias (UT1 ships a
 * few categories twice under a second name, as symbolic links: `porn` -> `adult`). An alias maps
 * to what its target maps to and names it in `aliasOf`; importers should import each list once,
 * under its target's name. `haven: null` means the list is not imported, and `note` says why.
 * Descriptions come from UT1's `global_usage` file.
 *
 * UT1's `child` list is sites FOR young children (an allow-list), not abuse content: it must never
 * be mapped to `child-abuse`. No UT1 list maps to an illegal-content category.
 */

export interface Ut1Mapping {
  /** The Haven category the list is imported as, or null when it is not imported. */
  haven: CategoryId | null;
  /** What the list holds and why it is (or is not) mapped this way. */
  note: string;
  /** For aliases: the UT1 category whose list this is. */
  aliasOf?: string;
}

/** The attribution UT1's licence requires; keep it with any data derived from the lists. */
export const UT1_ATTRIBUTION =
  'Blacklists from Université Toulouse 1 Capitole (https://dsi.ut-capitole.fr/blacklists/), ' +
  'licensed under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/).';

export const UT1_CATEGORY_MAP: Readonly<Record<string, Ut1Mapping>> = {
  // Adult content
  adult: { haven: 'pornography', note: 'Adult sites, from erotic to hard pornography.' },
  porn: { haven: 'pornography', note: 'Alias of adult.', aliasOf: 'adult' },
  lingerie: {
    haven: 'pornography',
    note: 'Lingerie sites. Not explicit content, but blocked with adult content in school filters; a policy choice.',
  },
  mixed_adult: {
    haven: 'pornography',
    note: 'Sites with unstructured adult sections (image boards, some chat and humour sites).',
  },
  sexual_education: {
    haven: null,
    note: 'Sex education sites that can be mistaken for pornography (a UT1 allow-list): never pornography.',
  },

  // Hate, violence, dangerous material
  agressif: {
    haven: 'hate-speech',
    note: 'Racist, antisemitic and hate-inciting sites ("aggressive"); also aliased as aggressive and violence.',
  },
  aggressive: { haven: 'hate-speech', note: 'Alias of agressif.', aliasOf: 'agressif' },
  violence: {
    haven: 'hate-speech',
    note: 'Alias of agressif (the same racist and hate list), so mapped as agressif is, not to violence.',
    aliasOf: 'agressif',
  },
  dangerous_material: {
    haven: 'violence',
    note: 'How to make bombs, poisons and other dangerous material; weapon shops.',
  },

  // Drugs and gambling
  drogue: { haven: 'drugs', note: 'Sites about drugs.' },
  drugs: { haven: 'drugs', note: 'Alias of drogue.', aliasOf: 'drogue' },
  gambling: { haven: 'gambling', note: 'Gambling and casino sites.' },
  arjel: { haven: 'gambling', note: 'Betting sites licensed by the French regulator (ARJEL, now ANJ).' },

  // Games
  games: { haven: 'gaming', note: 'Online and flash games, game distribution.' },
  educational_games: { haven: 'gaming-educational', note: 'Educational games (a UT1 allow-list).' },

  // Security
  hacking: { haven: 'malware-hacking', note: 'Hacking and computer-attack sites.' },
  malware: { haven: 'malware-hacking', note: 'Sites that deliver malware.' },
  phishing: {
    haven: 'malware-hacking',
    note: 'Phishing sites; no longer maintained by UT1, a copy of malware.',
  },
  cryptojacking: {
    haven: 'malware-hacking',
    note: 'Sites that mine cryptocurrency in the visitor’s browser.',
  },
  stalkerware: { haven: 'malware-hacking', note: 'Spying software sold to the public.' },
  ddos: { haven: 'malware-hacking', note: 'DDoS and "stresser" (booter) services.' },
  dialer: { haven: 'malware-hacking', note: 'Dialer sites (premium-rate and prank diallers).' },
  warez: { haven: 'piracy', note: 'Pirated software and video.' },

  // Filter bypass
  redirector: { haven: 'bypass', note: 'Proxies and redirectors used to get round filtering.' },
  proxy: { haven: 'bypass', note: 'Alias of redirector.', aliasOf: 'redirector' },
  strict_redirector: {
    haven: 'bypass',
    note: 'redirector plus search-engine cache and image searches; its domains are redirector’s, the extra is URL and expression entries.',
  },
  strong_redirector: {
    haven: 'bypass',
    note: 'As strict_redirector, but blocks only some search terms; its domains are redirector’s.',
  },
  vpn: { haven: 'bypass', note: 'VPN services.' },
  doh: { haven: 'bypass', note: 'DNS-over-HTTPS resolvers, which bypass DNS filtering.' },
  'residential-proxies': { haven: 'bypass', note: 'Residential proxy services.' },

  // Communication
  chat: { haven: 'chat', note: 'Online chat sites.' },
  dating: { haven: 'dating', note: 'Dating sites.' },
  webmail: { haven: 'webmail', note: 'Webmail services.' },
  mail: {
    haven: 'forums',
    note: 'Alias of forums in UT1’s archive (not webmail), so mapped as forums is.',
    aliasOf: 'forums',
  },
  forums: { haven: 'forums', note: 'Forums.' },
  social_networks: { haven: 'social-media', note: 'Social networks.' },
  blog: { haven: 'blogs', note: 'Blog hosting and blogs.' },

  // Media, files, shopping, adverts
  'audio-video': { haven: 'video-broadcasting', note: 'Audio and video sites.' },
  filehosting: { haven: 'file-sharing', note: 'File, picture and video hosting.' },
  download: {
    haven: 'file-sharing',
    note: 'Software download sites (UT1 default: allow); imported so policies can decide.',
  },
  shopping: { haven: 'shopping', note: 'Online shops and marketplaces.' },
  publicite: { haven: 'advertising', note: 'Advertising.' },
  ads: { haven: 'advertising', note: 'Alias of publicite.', aliasOf: 'publicite' },
  marketingware: { haven: 'advertising', note: 'Aggressive marketing and pop-up sites.' },
  fakenews: { haven: 'misinformation', note: 'Sites spreading fake news.' },
  'remote-control': { haven: 'remote-access', note: 'Remote desktop control services.' },
  ai: { haven: 'ai-chatbots', note: 'Artificial-intelligence services (chatbots, generators).' },

  // Allow-lists: never block lists
  child: {
    haven: null,
    note:
      'NOT ABUSE CONTENT. UT1 "child" is an allow-list of sites FOR children under 10. It must never ' +
      'be mapped to child-abuse (or any block category).',
  },
  liste_blanche: { haven: null, note: 'UT1’s general allow-list (whitelist), not a block list.' },
  liste_bu: {
    haven: null,
    note: 'Allow-list of educational sites for the Toulouse 1 university library.',
  },
  exceptions_liste_bu: { haven: null, note: 'Exceptions to liste_bu (an allow-list), not a block list.' },
  examen_pix: {
    haven: null,
    note: 'Allow-list for the French PIX exam only; UT1 says not to use it otherwise.',
  },

  // Not imported: no matching Haven category, or not a safety category
  sect: {
    haven: null,
    note: 'Cults and new religious movements (Scientology, Raëlism, esotericism); not extremism in the UKSIC sense.',
  },
  associations_religieuses: { haven: null, note: 'Religious associations; no Haven category.' },
  astrology: { haven: null, note: 'Astrology; no Haven category.' },
  bank: { haven: null, note: 'Online banking (UT1 default: allow).' },
  financial: { haven: null, note: 'Financial information and stock markets.' },
  bitcoin: { haven: null, note: 'Bitcoin and cryptocurrency sites; no Haven category.' },
  celebrity: { haven: null, note: 'Celebrity news; no Haven category.' },
  cleaning: { haven: null, note: 'Antivirus and computer-cleaning tools (UT1 default: allow).' },
  cooking: { haven: null, note: 'Cooking; no Haven category.' },
  'dynamic-dns': {
    haven: null,
    note: 'Dynamic DNS providers; blocking them would block every host under them.',
  },
  jobsearch: { haven: null, note: 'Job search (UT1 default: allow).' },
  manga: { haven: null, note: 'Manga and cartoons; no Haven category.' },
  'mobile-phone': { haven: null, note: 'Mobile phone ringtones and the like; no Haven category.' },
  press: { haven: null, note: 'News and press (UT1 default: allow).' },
  radio: { haven: null, note: 'Internet radio; no Haven category.' },
  reaffected: {
    haven: null,
    note: 'Domains whose owner (and so content) changed; content unknown, no single category.',
  },
  shortener: {
    haven: null,
    note: 'URL shorteners (UT1 default: allow); the target of the redirect is filtered anyway.',
  },
  special: { haven: null, note: 'UT1 special cases (one entry); no Haven category.' },
  sports: { haven: null, note: 'Sports; no Haven category.' },
  translation: { haven: null, note: 'Translation services (UT1 default: allow).' },
  tricheur: { haven: null, note: 'Sites explaining how to cheat in exams; no Haven category.' },
  tricheur_pix: {
    haven: null,
    note: 'Sites blocked during the French PIX exam only; UT1 says not to use it otherwise.',
  },
  update: { haven: null, note: 'Operating-system and software updates (UT1 default: allow).' },
  webhosting: { haven: null, note: 'Web hosting providers; no Haven category.' },
};

/** The Haven category a UT1 category (or alias) is imported as; null for not imported or unknown. */
export function ut1CategoryFor(name: string): CategoryId | null {
  const entry = Object.hasOwn(UT1_CATEGORY_MAP, name) ? UT1_CATEGORY_MAP[name] : undefined;
  return entry?.haven ?? null;
}
