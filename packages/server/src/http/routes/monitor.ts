import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Haven } from '../../haven.ts';
import { dailySummaries } from '../../services/daily-summary-service.ts';
import {
  liftSuppression,
  monitorAlerts,
  monitorSuppressions,
  removeSuppressionInput,
  triageInput,
  triageMonitorAlert,
} from '../../services/monitor-service.ts';
import { getMonitorSettings, saveMonitorSettings } from '../../services/monitor-settings-service.ts';
import { requireSignedIn } from '../session.ts';

/* Monitoring under /api/schools/:schoolId/monitor: alerts, suppressions, settings, summaries. */

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

  api.get(
    `${base}/suppressions`,
    {
      schema: {
        summary: 'Phrases that false positives have suppressed, each in its context (DSL and headteacher)',
        params: schoolParams,
      },
    },
    async (request) => monitorSuppressions(haven, requireSignedIn(request).actor, request.params.schoolId),
  );

  api.post(
    `${base}/suppressions/remove`,
    {
      schema: {
        summary: 'Let a suppressed phrase alert again in its context (audited)',
        params: schoolParams,
        body: removeSuppressionInput,
      },
    },
    async (request) =>
      liftSuppression(haven, requireSignedIn(request).actor, request.params.schoolId, request.body),
  );

  api.get(
    `${base}/settings`,
    {
      schema: {
        summary:
          "The school's monitoring settings (phrase changes, thresholds by group, digests, the summary's time) and its phrase list",
        params: schoolParams,
      },
    },
    async (request) => getMonitorSettings(haven, requireSignedIn(request).actor, request.params.schoolId),
  );

  api.put(
    `${base}/settings`,
    {
      schema: {
        summary: 'Save the monitoring settings (validated; audit-logged)',
        params: schoolParams,
        body: z.object({ settings: z.unknown(), revision: z.number().int().min(0).optional() }),
      },
    },
    async (request) =>
      saveMonitorSettings(haven, requireSignedIn(request).actor, request.params.schoolId, request.body),
  );
}
