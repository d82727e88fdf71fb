/**
 * The risk categories monitoring looks for (issue 5; the DfE filtering and monitoring standards;
 * KCSIE's content, contact, conduct and commerce risks). Each phrase in a library belongs to one.
 */
export const MONITOR_CATEGORIES = [
  { id: 'suicide', label: 'Suicide' },
  { id: 'self-harm', label: 'Self-harm' },
  { id: 'eating-disorders', label: 'Eating disorders' },
  { id: 'grooming', label: 'Grooming and sexual exploitation' },
  { id: 'sexual-content', label: 'Sexual content' },
  { id: 'bullying', label: 'Bullying and abuse' },
  { id: 'extremism', label: 'Extremism and radicalisation' },
  { id: 'violence-weapons', label: 'Violence and weapons' },
  { id: 'drugs-alcohol', label: 'Drugs and alcohol' },
  { id: 'gambling', label: 'Gambling' },
  { id: 'hate', label: 'Hate and discrimination' },
] as const;

export type MonitorCategory = (typeof MONITOR_CATEGORIES)[number]['id'];

export const MONITOR_CATEGORY_IDS = MONITOR_CATEGORIES.map((c) => c.id) as [
  MonitorCategory,
  ...MonitorCategory[],
];

/** 1 advisory … 5 immediate risk to life. */
export type Severity = 1 | 2 | 3 | 4 | 5;
