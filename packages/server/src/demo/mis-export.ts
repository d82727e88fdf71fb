import { FAMILY_NAMES, GIVEN_NAMES, pick, seededRandom } from './names.ts';

/**
 * A made-up school's MIS exports in SIMS-style columns: pupils with year groups and
 * registration groups, their contacts (a row per contact and child, siblings sharing them),
 * staff with policy roles, and governors. For trying and testing the directory import; every
 * name is fictional and the same seed gives the same files.
 */
export interface MisExportOptions {
  pupils?: number;
  staff?: number;
  governors?: number;
  /** "Reception", "Year 1" ... as the policy names them. */
  yearGroups: readonly string[];
  /** Policy role titles to give staff (one each, a few get two) and governors. */
  staffRoles: readonly string[];
  governorRoles: readonly string[];
  domain?: string;
  seed?: number;
}

export interface MisExport {
  pupils: string;
  parents: string;
  staff: string;
  governors: string;
  counts: { pupils: number; contacts: number; contactRows: number; staff: number; governors: number };
}

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const csv = (rows: string[][]) => `${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
/** SIMS writes "Year 7" as "7" and Reception as "R" in its NC Year column. */
const simsYear = (yearGroup: string) => (yearGroup === 'Reception' ? 'R' : yearGroup.replace('Year ', ''));

export function misExport(options: MisExportOptions): MisExport {
  const random = seededRandom(options.seed ?? 20261202);
  const domain = options.domain ?? 'example.org';
  const pupilCount = options.pupils ?? 1000;
  const forms = ['A', 'B', 'C', 'D', 'E'];
  const name = () => [pick(random, GIVEN_NAMES), pick(random, FAMILY_NAMES)] as const;

  const pupils: string[][] = [
    [
      'Adno',
      'UPN',
      'Legal Surname',
      'Legal Forename',
      'Preferred Forename',
      'Year',
      'Reg Group',
      'Gender',
      'Leaving Date',
    ],
  ];
  const contacts: string[][] = [
    [
      'Contact ID',
      'Title',
      'Forename',
      'Surname',
      'Pupil UPN',
      'Relationship',
      'Priority',
      'Parental Responsibility',
      'Email',
    ],
  ];
  let contactNumber = 0;
  let contactCount = 0;
  let family: { surname: string; contacts: string[][] } | null = null;
  for (let i = 0; i < pupilCount; i++) {
    const yearGroup = options.yearGroups[i % options.yearGroups.length] as string;
    const form = forms[Math.floor(i / options.yearGroups.length) % forms.length] as string;
    const upn = `H${String(801000000000 + i * 7919).padStart(12, '0')}`;
    const [given] = name();
    // About one pupil in six is a younger sibling of the one before: same surname, same contacts.
    const sibling = family !== null && random() < 0.17;
    if (!sibling) {
      const surname = pick(random, FAMILY_NAMES);
      const count = random() < 0.5 ? 2 : 1;
      const people: string[][] = [];
      for (let c = 0; c < count; c++) {
        contactNumber++;
        const [contactGiven] = name();
        const relationship = c === 0 ? 'Mother' : 'Father';
        people.push([
          `C${String(contactNumber).padStart(6, '0')}`,
          c === 0 ? 'Mrs' : 'Mr',
          contactGiven,
          surname,
          relationship,
          String(c + 1),
          'Yes',
          `${contactGiven}.${surname}.${contactNumber}@${domain}`.toLowerCase(),
        ]);
      }
      contactCount += count;
      family = { surname, contacts: people };
    }
    const surname = (family as { surname: string }).surname;
    pupils.push([
      String(100000 + i),
      upn,
      surname,
      given,
      random() < 0.05 ? pick(random, GIVEN_NAMES) : '',
      simsYear(yearGroup),
      `${simsYear(yearGroup)}${form}`,
      random() < 0.5 ? 'F' : 'M',
      '',
    ]);
    for (const contact of (family as { contacts: string[][] }).contacts) {
      const [id, title, forename, last, relationship, priority, pr, email] = contact as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      contacts.push([id, title, forename, last, upn, relationship, priority, pr, email]);
    }
  }

  const staffCount = options.staff ?? 80;
  const staff: string[][] = [['Staff Code', 'Title', 'Forename', 'Surname', 'Role', 'Email']];
  for (let i = 0; i < staffCount; i++) {
    const [given, surname] = name();
    const roles = [options.staffRoles[i % options.staffRoles.length] as string];
    if (i % 10 === 0 && options.staffRoles.length > 1)
      roles.push(options.staffRoles[(i + 1) % options.staffRoles.length] as string);
    staff.push([
      `${surname.slice(0, 2).toUpperCase()}${String(i).padStart(3, '0')}`,
      random() < 0.5 ? 'Ms' : 'Mr',
      given,
      surname,
      roles.join('; '),
      `${given.slice(0, 1)}.${surname}${i}@${domain}`.toLowerCase(),
    ]);
  }

  const governorCount = options.governors ?? 12;
  const governors: string[][] = [
    ['Governor ID', 'Title', 'Forename', 'Surname', 'Type of governor', 'Role', 'Email', 'Term End Date'],
  ];
  const types = ['Parent', 'Staff', 'Co-opted', 'Local Authority', 'Foundation'];
  for (let i = 0; i < governorCount; i++) {
    const [given, surname] = name();
    governors.push([
      `GOV${String(i + 1).padStart(3, '0')}`,
      'Dr',
      given,
      surname,
      types[i % types.length] as string,
      options.governorRoles[i % Math.max(1, options.governorRoles.length)] ?? '',
      `${given}.${surname}.gov${i}@${domain}`.toLowerCase(),
      '',
    ]);
  }

  return {
    pupils: csv(pupils),
    parents: csv(contacts),
    staff: csv(staff),
    governors: csv(governors),
    counts: {
      pupils: pupilCount,
      contacts: contactCount,
      contactRows: contacts.length - 1,
      staff: staffCount,
      governors: governorCount,
    },
  };
}
