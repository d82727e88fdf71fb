import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Haven } from '../../haven.ts';
import { activityReport, reportQuery } from '../../services/activity-report-service.ts';
import { requireSignedIn } from '../session.ts';

/* Reports over the decision log and monitoring alerts, under /api/schools/:schoolId/monitor. */

const schoolParams = z.object({ schoolId: z.string().min(1).max(64) });

export function registerReportRoutes(app: FastifyInstance, haven: Haven): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/schools/:schoolId/monitor/reports',
    {
      schema: {
        summary:
          "Activity and alert counts by the school's local day, category and group (DSL, headteacher, online safety lead; audit-logged)",
        params: schoolParams,
        querystring: reportQuery,
      },
    },
    async (request) =>
      activityReport(haven, requireSignedIn(request).actor, request.params.schoolId, request.query),
  );
}
