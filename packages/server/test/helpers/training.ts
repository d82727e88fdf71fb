import { createHash } from 'node:crypto';
import { training } from '@haven/core';
import type { Haven } from '../../src/haven.ts';
import { createPerson } from '../../src/repositories/people.ts';
import { addNeedsAudit, addTrainingRecord } from '../../src/repositories/training.ts';

/** A small, real PDF: what a course provider's certificate might be. */
export const CERTIFICATE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

let n = 0;
const staffMember = (haven: Haven, schoolId: string) => {
  n++;
  return createPerson(haven.db, {
    schoolId,
    kind: 'staff',
    givenName: 'Trainee',
    familyName: `Fixture${n}`,
    displayName: `Trainee Fixture${n}`,
  });
};

/** A member of staff with a recorded course and its certificate. */
export async function makeTrainingRecord(haven: Haven, schoolId: string) {
  const person = await staffMember(haven, schoolId);
  return addTrainingRecord(haven.db, {
    schoolId,
    personId: person.id,
    courseId: 'dsl-training',
    completedOn: haven.now().toISOString().slice(0, 10),
    provider: 'Local safeguarding partnership',
    note: null,
    certificate: {
      filename: 'certificate.pdf',
      mediaType: 'application/pdf',
      size: CERTIFICATE_PDF.length,
      sha256: createHash('sha256').update(CERTIFICATE_PDF).digest('hex'),
    },
    sealedCertificate: haven.box.seal(CERTIFICATE_PDF.toString('base64')),
    recordedAt: haven.now().toISOString(),
    recordedByAccountId: null,
    recordedByLabel: 'fixture',
  });
}

/** A member of staff's completed needs audit, not yet reviewed. */
export async function makeNeedsAudit(haven: Haven, schoolId: string) {
  const person = await staffMember(haven, schoolId);
  const answers = training.auditAnswers.parse({
    ratings: Object.fromEntries(training.AUDIT_AREAS.map((a) => [a.id, 3])),
  });
  return addNeedsAudit(haven.db, {
    schoolId,
    personId: person.id,
    answers,
    needs: training.auditNeeds(answers),
    completedAt: haven.now().toISOString(),
  });
}

/** What a training route might change, for the access tests' before-and-after. */
export async function trainingState(haven: Haven, schoolId: string) {
  return {
    records: (
      await haven.db
        .selectFrom('training_records')
        .select('id')
        .where('school_id', '=', schoolId)
        .orderBy('id')
        .execute()
    ).map((r) => r.id),
    audits: await haven.db
      .selectFrom('training_needs_audits')
      .select(['id', 'reviewed_at'])
      .where('school_id', '=', schoolId)
      .orderBy('id')
      .execute(),
  };
}
