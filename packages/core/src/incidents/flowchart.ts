/**
 * The incident flowchart as a workflow (seed 000 and 003 "Responding to incidents of misuse",
 * seed 001 appendix 2). Its first question is whether the incident may be illegal. The illegal
 * path stops everything and refers at once; the other path investigates with at least two senior
 * staff on a designated computer and ends in the school's sanctions. Each step is recorded with
 * who did it and when; the wording here is ours, step by step faithful to the seeds.
 */

export type IncidentPath = 'illegal' | 'inappropriate';

export interface FlowStep {
  id: string;
  label: string;
  /** Must be recorded before the incident can be closed. */
  required: boolean;
  /** Requirement ids the step answers. */
  covers: readonly string[];
}

export const ILLEGAL_PATH: readonly FlowStep[] = [
  {
    id: 'stop',
    label:
      'Stop. Do not open, view, copy, print, forward or photograph suspected child abuse imagery, and stop any review or monitoring of it.',
    required: true,
    covers: ['R000-126', 'R003-142', 'R001-078'],
  },
  {
    id: 'preserve',
    label:
      'Preserve the evidence: leave the device as it is, switched on or off, and make sure nobody else uses it.',
    required: true,
    covers: ['R001-199', 'R001-201', 'R001-202'],
  },
  {
    id: 'isolate-device',
    label:
      'Isolate the device and keep it in its present state for the police (locked away, out of service).',
    required: true,
    covers: ['R000-127', 'R003-143'],
  },
  {
    id: 'refer-police',
    label: 'Report to the police at once, and record when, to whom and the reference given.',
    required: true,
    covers: ['R000-119', 'R003-136', 'R001-096', 'R001-203'],
  },
  {
    id: 'report-iwf-ceop',
    label:
      'Where relevant, report to the Internet Watch Foundation (child abuse images online) or CEOP (grooming, exploitation), and record it.',
    required: false,
    covers: ['R001-096', 'R002-043'],
  },
  {
    id: 'inform-lado',
    label: 'Where someone who works with children is involved, inform the LADO (not the person concerned).',
    required: false,
    covers: ['R001-209', 'R000-135'],
  },
  {
    id: 'investigation-team',
    label: 'Name the senior members of staff on the investigation: at least two.',
    required: true,
    covers: ['R000-120', 'R003-137'],
  },
];

export const INAPPROPRIATE_PATH: readonly FlowStep[] = [
  {
    id: 'preserve',
    label:
      'Preserve the evidence: screen off or device confiscated and locked away; photograph the screen rather than print; save open items to external media; do not shut down; seek technical advice.',
    required: true,
    covers: ['R001-198', 'R001-199', 'R001-201', 'R001-202'],
  },
  {
    id: 'investigation-team',
    label: 'Name the senior members of staff on the investigation: at least two.',
    required: true,
    covers: ['R000-120', 'R003-137'],
  },
  {
    id: 'designated-computer',
    label:
      'Record the designated computer for the investigation: one young people do not use, which the police could take away if needed. Use the same one throughout.',
    required: true,
    covers: ['R000-121', 'R003-138'],
  },
  {
    id: 'record-sites',
    label: 'Record the address of each site involved and describe the content that causes concern.',
    required: false,
    covers: ['R000-123', 'R003-140'],
  },
  {
    id: 'conclusion',
    label:
      'Conclude whether the concern has substance, and which response follows: internal response or discipline, the local authority or another agency, or the police.',
    required: true,
    covers: ['R000-125', 'R003-141'],
  },
  {
    id: 'sanctions',
    label:
      "Decide the actions from the school's sanctions matrix for the person's role, and record what was done.",
    required: true,
    covers: ['R000-130', 'R000-131', 'R003-146', 'R003-147'],
  },
  {
    id: 'parents-informed',
    label: 'Inform the parents or carers of each young person involved (who told them, when and how).',
    required: false,
    covers: ['R001-094', 'R001-070'],
  },
];

/** Seed 001 appendix 2, step 3: asked of every incident before it closes. */
export const PREVENT_RECURRENCE: readonly FlowStep[] = [
  {
    id: 'victim-support',
    label:
      'Support for the victim: for staff the staff welfare lead or their union; for a pupil, contact with their family and an agreed way to close it for them.',
    required: false,
    covers: ['R001-217'],
  },
  {
    id: 'restorative',
    label:
      'Restorative practice, where the perpetrator agrees (or the other support tried instead), and the perpetrator taught the impact of their actions.',
    required: false,
    covers: ['R001-218'],
  },
  {
    id: 'takedown',
    label:
      'Where material about the victim was posted online: getting it removed, through the poster or the service provider.',
    required: false,
    covers: ['R001-219'],
  },
  {
    id: 'review',
    label:
      'Review: what should stop this happening again, and whether the acceptable use agreements or the policy need changing.',
    required: true,
    covers: ['R001-220'],
  },
];

/**
 * The first decision of the flowchart. A report that says it may be illegal, a hit on an
 * illegal-content list, and the grooming type all take the illegal path until the DSL decides
 * otherwise (and says why); the nudes protocol is its own decision, after its review meeting.
 */
export function initialPath(report: {
  suspectedIllegal: boolean;
  types: readonly string[];
  fromIllegalHit?: boolean;
}): IncidentPath {
  if (report.suspectedIllegal || report.fromIllegalHit || report.types.includes('grooming')) return 'illegal';
  return 'inappropriate';
}

export function stepsFor(path: IncidentPath): readonly FlowStep[] {
  return [...(path === 'illegal' ? ILLEGAL_PATH : INAPPROPRIATE_PATH), ...PREVENT_RECURRENCE];
}

/** The required steps not yet recorded: an incident closes only when this is empty. */
export function missingSteps(path: IncidentPath, done: ReadonlySet<string>): FlowStep[] {
  return stepsFor(path).filter((s) => s.required && !done.has(s.id));
}
