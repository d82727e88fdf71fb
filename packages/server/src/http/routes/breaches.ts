import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Haven } from '../../haven.ts';
import {
  breachDetails,
  breachLog,
  closeBreach,
  icoDecision,
  newBreach,
  recordIcoDecision,
  reportBreach,
  updateBreachDetails,
  viewBreach,
} from '../../services/breach-service.ts';
import { requireSignedIn } from '../session.ts';

/* The data-breach log under /api/schools/:schoolId/breaches. */

const schoolParams = z.object({ schoolId: z.string().min(1).max(64) });
const idParams = schoolParams.extend({ id: z.string().min(1).max(64) });

export function registerBreachRoutes(app: FastifyInstance, haven: Haven): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const base = '/schools/:schoolId/breaches';

  api.post(
    base,
    {
      schema: {
        summary:
          'Report a data breach, near miss, lost equipment, virus or unauthorised use (any member of staff); starts the 72-hour clock',
        params: schoolParams,
        body: newBreach,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await reportBreach(haven, requireSignedIn(request).actor, request.params.schoolId, request.body),
        ),
  );

  api.get(
    base,
    {
      schema: {
        summary: 'The breach log with each 72-hour clock (head, administrator, SIRO, DPO; audit-logged)',
        params: schoolParams,
      },
    },
    async (request) => breachLog(haven, requireSignedIn(request).actor, request.params.schoolId),
  );

  api.get(
    `${base}/:id`,
    { schema: { summary: 'One breach with its clock (audit-logged)', params: idParams } },
    async (request) =>
      viewBreach(haven, requireSignedIn(request).actor, request.params.schoolId, request.params.id),
  );

  api.put(
    `${base}/:id`,
    {
      schema: {
        summary: "The breach's details as they become known (the ICO's fields)",
        params: idParams,
        body: z.object({ details: breachDetails }),
      },
    },
    async (request) =>
      updateBreachDetails(
        haven,
        requireSignedIn(request).actor,
        request.params.schoolId,
        request.params.id,
        request.body.details,
      ),
  );

  api.post(
    `${base}/:id/ico`,
    {
      schema: {
        summary:
          'Stop the clock: reported to the ICO {reportedAt, reference}, or not reportable {notReportableReason}',
        params: idParams,
        body: icoDecision,
      },
    },
    async (request) =>
      recordIcoDecision(
        haven,
        requireSignedIn(request).actor,
        request.params.schoolId,
        request.params.id,
        request.body,
      ),
  );

  api.post(
    `${base}/:id/close`,
    { schema: { summary: 'Close a breach once the ICO decision is recorded', params: idParams } },
    async (request) =>
      closeBreach(haven, requireSignedIn(request).actor, request.params.schoolId, request.params.id),
  );
}
