import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Haven } from '../../haven.ts';
import { dailySummaries } from '../../services/daily-summary-service.ts';
import { monitorAlerts, triageInput, triageMonitorAlert } from '../../services/monitor-service.ts';
import { requireSignedIn } from '../session.ts';

/* Monitoring alerts under /api/schools/:schoolId/monitor. */

const schoolParams = z.object({ schoolId: z.string().min(1).max(64) });

export function registerMonitorRoutes(app: FastifyInstance, haven: Haven): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const base = '/schools/:schoolId/monitor';

  api.get(
    `${base}/alerts`,
    {
      schema: {
        summary: 'Monitoring alerts, the most severe first (DSL and headteacher; audit-logged)',
        params: schoolParams,
        querystring: z.object({ status: z.enum(['open', 'done']).optional() }),
      },
    },
    async (request) =>
      monitorAlerts(haven, requireSignedIn(request).actor, request.params.schoolId, {
        status: request.query.status,
      }),
  );

  api.post(
    `${base}/alerts/:id/triage`,
    {
      schema: {
        summary:
          'Triage an alert: in review, escalated to an incident, no action (with why), or a false positive',
        params: schoolParams.extend({ id: z.string().min(1).max(64) }),
        body: triageInput,
      },
    },
    async (request) =>
      triageMonitorAlert(
        haven,
        requireSignedIn(request).actor,
        request.params.schoolId,
        request.params.id,
        request.body,
      ),
  );

  api.get(
    `${base}/summaries`,
    {
      schema: {
        summary:
          'The daily internet usage summaries kept in Haven, newest first (DSL and headteacher; audit-logged)',
        params: schoolParams,
      },
    },
    async (request) => dailySummaries(haven, requireSignedIn(request).actor, request.params.schoolId),
  );
}
