import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Haven } from '../../haven.ts';
import {
  checkPublishing,
  checkRequest,
  consentList,
  consentPurposes,
  listQuery,
  myChildrenConsents,
  newConsentRecord,
  pupilConsents,
  recordConsent,
} from '../../services/consent-service.ts';
import { requireSignedIn } from '../session.ts';

/* Photo, video and internet consents under /api/schools/:schoolId/consents. */

const schoolParams = z.object({ schoolId: z.string().min(1).max(64) });
const pupilParams = schoolParams.extend({ pupilId: z.string().min(1).max(64) });

export function registerConsentRoutes(app: FastifyInstance, haven: Haven): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const base = '/schools/:schoolId/consents';

  api.get(
    `${base}/purposes`,
    {
      schema: {
        summary: "What the school's policy asks parents to consent to, with its stated no-response defaults",
        params: schoolParams,
      },
    },
    async (request) => consentPurposes(haven, requireSignedIn(request).actor, request.params.schoolId),
  );

  api.get(
    base,
    {
      schema: {
        summary:
          "A year group's or class's consents, pupil by pupil and purpose by purpose (staff; audit-logged); without either, the groups to choose from",
        params: schoolParams,
        querystring: listQuery,
      },
    },
    async (request) =>
      consentList(haven, requireSignedIn(request).actor, request.params.schoolId, request.query),
  );

  api.get(
    `${base}/mine`,
    {
      schema: {
        summary: "A parent's own children with their consents and history (audit-logged)",
        params: schoolParams,
      },
    },
    async (request) => myChildrenConsents(haven, requireSignedIn(request).actor, request.params.schoolId),
  );

  api.get(
    `${base}/pupils/:pupilId`,
    {
      schema: {
        summary:
          "One pupil's consents with every record behind them (staff, or the pupil's parent; audit-logged)",
        params: pupilParams,
      },
    },
    async (request) =>
      pupilConsents(haven, requireSignedIn(request).actor, request.params.schoolId, request.params.pupilId),
  );

  api.post(
    `${base}/pupils/:pupilId`,
    {
      schema: {
        summary:
          'Record a decision (given, refused, withdrawn) for one purpose: the office, DSL or head from a paper form or call, or a parent online for their own child',
        params: pupilParams,
        body: newConsentRecord,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordConsent(
            haven,
            requireSignedIn(request).actor,
            request.params.schoolId,
            request.params.pupilId,
            request.body,
          ),
        ),
  );

  api.post(
    `${base}/check`,
    {
      schema: {
        summary:
          'May we publish this photo of these pupils? {purpose, use?, pupilIds} → pupil by pupil yes, no, assumed (not given) or unknown (audit-logged)',
        params: schoolParams,
        body: checkRequest,
      },
    },
    async (request) =>
      checkPublishing(haven, requireSignedIn(request).actor, request.params.schoolId, request.body),
  );
}
