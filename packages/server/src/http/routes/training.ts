import { training } from '@haven/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Haven } from '../../haven.ts';
import {
  myTraining,
  needsAudits,
  openCertificate,
  ownRecordInput,
  recordInput,
  recordMyTraining,
  recordTraining,
  reviewAudit,
  submitNeedsAudit,
  trainingOverview,
  trainingSummary,
} from '../../services/training-service.ts';
import { requireSignedIn } from '../session.ts';

/* Training under /api/schools/:schoolId/training. Thin: the service authorises and audit-logs. */

const schoolParams = z.object({ schoolId: z.string().min(1).max(64) });
const idParams = schoolParams.extend({ id: z.string().min(1).max(64) });
/** A 10 MB certificate in base64, with room for the rest of the request. */
const CERTIFICATE_BODY_LIMIT = 14 * 1024 * 1024 + 64 * 1024;

export function registerTrainingRoutes(app: FastifyInstance, haven: Haven): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const base = '/schools/:schoolId/training';

  api.get(
    `${base}/mine`,
    {
      schema: {
        summary:
          'My training: each course with where I stand (done, due soon, overdue, not required), my records and my needs audit',
        params: schoolParams,
      },
    },
    async (request) => myTraining(haven, requireSignedIn(request).actor, request.params.schoolId),
  );

  api.post(
    `${base}/mine/records`,
    {
      bodyLimit: CERTIFICATE_BODY_LIMIT,
      schema: {
        summary:
          'Record a course I completed, with evidence: a note and or a certificate (base64, PDF or image, at most 10 MB, SHA-256, sealed)',
        params: schoolParams,
        body: ownRecordInput,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordMyTraining(
            haven,
            requireSignedIn(request).actor,
            request.params.schoolId,
            request.body,
          ),
        ),
  );

  api.post(
    `${base}/mine/audit`,
    {
      schema: {
        summary: 'Complete my training-needs audit: confidence 1-4 in each area, and any needs I name',
        params: schoolParams,
        body: training.auditAnswers,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await submitNeedsAudit(
            haven,
            requireSignedIn(request).actor,
            request.params.schoolId,
            request.body,
          ),
        ),
  );

  api.get(
    `${base}/people`,
    {
      schema: {
        summary:
          "Everyone's training: due and overdue by person and post, with counts per course (audit-logged)",
        params: schoolParams,
      },
    },
    async (request) => trainingOverview(haven, requireSignedIn(request).actor, request.params.schoolId),
  );

  api.post(
    `${base}/records`,
    {
      bodyLimit: CERTIFICATE_BODY_LIMIT,
      schema: {
        summary:
          'Record training for a member of staff or a governor (online safety lead, headteacher, administrator)',
        params: schoolParams,
        body: recordInput,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordTraining(haven, requireSignedIn(request).actor, request.params.schoolId, request.body),
        ),
  );

  api.get(
    `${base}/records/:id/certificate`,
    {
      schema: {
        summary: "A training record's certificate (checked against its SHA-256; audit-logged)",
        params: idParams,
      },
    },
    async (request, reply) => {
      const file = await openCertificate(
        haven,
        requireSignedIn(request).actor,
        request.params.schoolId,
        request.params.id,
      );
      // Always a download, never rendered in Haven's own origin.
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`)
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'no-store')
        .send(file.bytes);
    },
  );

  api.get(
    `${base}/audits`,
    {
      schema: {
        summary:
          "Every member of staff's latest training-needs audit, and the areas summed up (audit-logged)",
        params: schoolParams,
      },
    },
    async (request) => needsAudits(haven, requireSignedIn(request).actor, request.params.schoolId),
  );

  api.post(
    `${base}/audits/:id/review`,
    {
      schema: { summary: 'Mark a training-needs audit as reviewed', params: idParams },
    },
    async (request) =>
      reviewAudit(haven, requireSignedIn(request).actor, request.params.schoolId, request.params.id),
  );

  api.get(
    `${base}/summary`,
    {
      schema: {
        summary:
          "Counts for the governors' report: due and overdue by course, post and kind, and the needs audit's progress (no names)",
        params: schoolParams,
      },
    },
    async (request) => trainingSummary(haven, requireSignedIn(request).actor, request.params.schoolId),
  );
}
