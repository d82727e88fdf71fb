import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Haven } from '../../haven.ts';
import {
  addChronologyEntry,
  addIncidentEvidence,
  chronologyEntry,
  closeIncident,
  evidenceInput,
  exportIncidentCsv,
  exportIncidentPdf,
  incidentInbox,
  incidentSummary,
  myReports,
  openIncidentEvidence,
  recommendForIncident,
  recordNudesReview,
  recordSanction,
  sanctionRecord,
  saveIncidentDraft,
  submitIncident,
  viewIncident,
} from '../../services/incident-service.ts';
import { requireSignedIn } from '../session.ts';

/*
 * Incidents under /api/schools/:schoolId/incidents. Thin: the service authorises (the access table
 * first, then need-to-know for each incident) and audit-logs every view.
 */

const schoolParams = z.object({ schoolId: z.string().min(1).max(64) });
const idParams = schoolParams.extend({ id: z.string().min(1).max(64) });
/** Reports are long; evidence files come to their own route. */
const REPORT_BODY_LIMIT = 256 * 1024;
/** A 10 MB file in base64, with room for the rest of the request. */
const EVIDENCE_BODY_LIMIT = 14 * 1024 * 1024 + 64 * 1024;

export function registerIncidentRoutes(app: FastifyInstance, haven: Haven): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const base = '/schools/:schoolId/incidents';

  api.post(
    `${base}/drafts`,
    {
      bodyLimit: REPORT_BODY_LIMIT,
      schema: {
        summary: 'Start a report as a draft (anyone in the school); nothing typed is lost',
        params: schoolParams,
        body: z.object({ report: z.unknown() }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await saveIncidentDraft(
            haven,
            requireSignedIn(request).actor,
            request.params.schoolId,
            request.body,
          ),
        ),
  );

  api.put(
    `${base}/drafts/:id`,
    {
      bodyLimit: REPORT_BODY_LIMIT,
      schema: {
        summary: 'Save your draft report again',
        params: idParams,
        body: z.object({ report: z.unknown() }),
      },
    },
    async (request) =>
      saveIncidentDraft(haven, requireSignedIn(request).actor, request.params.schoolId, {
        id: request.params.id,
        report: request.body.report,
      }),
  );

  api.post(
    `${base}/drafts/:id/submit`,
    { schema: { summary: 'Send your draft report to those the policy names', params: idParams } },
    async (request) =>
      submitIncident(haven, requireSignedIn(request).actor, request.params.schoolId, request.params.id),
  );

  api.get(
    `${base}/mine`,
    {
      schema: {
        summary: 'Your own reports and drafts, with where each is (not what others recorded)',
        params: schoolParams,
      },
    },
    async (request) => myReports(haven, requireSignedIn(request).actor, request.params.schoolId),
  );

  api.get(
    `${base}/summary`,
    {
      schema: {
        summary: 'Counts of incidents for governors: by month, type, path and status; nothing else',
        params: schoolParams,
      },
    },
    async (request) => incidentSummary(haven, requireSignedIn(request).actor, request.params.schoolId),
  );

  api.get(
    base,
    {
      schema: {
        summary: 'The incidents you may see, urgent and oldest first (audit-logged)',
        params: schoolParams,
        querystring: z.object({ status: z.enum(['open', 'closed']).optional() }),
      },
    },
    async (request) =>
      incidentInbox(haven, requireSignedIn(request).actor, request.params.schoolId, {
        status: request.query.status,
      }),
  );

  api.get(
    `${base}/export.csv`,
    {
      schema: {
        summary: 'The incident log as CSV (no names, no narrative) for the online safety lead',
        params: schoolParams,
      },
    },
    async (request, reply) => {
      const csv = await exportIncidentCsv(haven, requireSignedIn(request).actor, request.params.schoolId);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="incident-log.csv"')
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );

  api.get(
    `${base}/:id/export.pdf`,
    {
      schema: {
        summary:
          "The evidential PDF (chronology, steps, evidence hashes, custody) for the police or children's social care",
        params: idParams,
      },
    },
    async (request, reply) => {
      const file = await exportIncidentPdf(
        haven,
        requireSignedIn(request).actor,
        request.params.schoolId,
        request.params.id,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.pdf);
    },
  );

  api.get(
    `${base}/:id`,
    {
      schema: {
        summary: 'One incident: report, chronology, steps, sanctions matrices (audit-logged)',
        params: idParams,
      },
    },
    async (request) =>
      viewIncident(haven, requireSignedIn(request).actor, request.params.schoolId, request.params.id),
  );

  api.post(
    `${base}/:id/entries`,
    {
      bodyLimit: REPORT_BODY_LIMIT,
      schema: {
        summary:
          'Add to the chronology (a note, a step, a referral, parents informed, a correction, ...): never an edit',
        params: idParams,
        body: chronologyEntry,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addChronologyEntry(
            haven,
            requireSignedIn(request).actor,
            request.params.schoolId,
            request.params.id,
            request.body,
          ),
        ),
  );

  api.get(
    `${base}/:id/recommend`,
    {
      schema: {
        summary:
          "What the school's sanctions matrix recommends for a row, counting the person's earlier sanctions",
        params: idParams,
        querystring: z.object({
          audience: z.enum(['pupil', 'staff']),
          row: z.string().trim().min(1).max(500),
          personId: z.string().max(64).optional(),
        }),
      },
    },
    async (request) =>
      recommendForIncident(
        haven,
        requireSignedIn(request).actor,
        request.params.schoolId,
        request.params.id,
        request.query,
      ),
  );

  api.post(
    `${base}/:id/sanctions`,
    {
      schema: {
        summary:
          'Record what was done to a person beside what the matrix recommends (a difference needs a reason)',
        params: idParams,
        body: sanctionRecord,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordSanction(
            haven,
            requireSignedIn(request).actor,
            request.params.schoolId,
            request.params.id,
            request.body,
          ),
        ),
  );

  api.post(
    `${base}/:id/nudes-review`,
    {
      bodyLimit: REPORT_BODY_LIMIT,
      schema: {
        summary:
          "The DSL's initial review meeting (nudes and semi-nudes protocol): the five criteria, the decision and its reasons",
        params: idParams,
        body: z.unknown(),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordNudesReview(
            haven,
            requireSignedIn(request).actor,
            request.params.schoolId,
            request.params.id,
            request.body,
          ),
        ),
  );

  api.post(
    `${base}/:id/close`,
    {
      schema: {
        summary: 'Close an incident once its required steps are recorded, with what should stop it recurring',
        params: idParams,
        body: z.object({ review: z.string().trim().min(1).max(10_000) }),
      },
    },
    async (request) =>
      closeIncident(
        haven,
        requireSignedIn(request).actor,
        request.params.schoolId,
        request.params.id,
        request.body,
      ),
  );

  api.post(
    `${base}/:id/evidence`,
    {
      bodyLimit: EVIDENCE_BODY_LIMIT,
      schema: {
        summary:
          'Add evidence: a file (base64, at most 10 MB, checked by its bytes, SHA-256, sealed), a link, or a record that something existed and who was told; images refused on the nudes and illegal paths',
        params: idParams,
        body: evidenceInput,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addIncidentEvidence(
            haven,
            requireSignedIn(request).actor,
            request.params.schoolId,
            request.params.id,
            request.body,
          ),
        ),
  );

  api.get(
    `${base}/:id/evidence/:evidenceId`,
    {
      schema: {
        summary: "An evidence file's bytes (recorded in its custody log and the audit log)",
        params: idParams.extend({ evidenceId: z.string().min(1).max(64) }),
      },
    },
    async (request, reply) => {
      const file = await openIncidentEvidence(
        haven,
        requireSignedIn(request).actor,
        request.params.schoolId,
        request.params.id,
        request.params.evidenceId,
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
}
