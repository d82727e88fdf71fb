import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Haven } from '../../haven.ts';
import {
  complianceCsv,
  complianceList,
  complianceQuery,
  complianceSummary,
} from '../../services/compliance-service.ts';
import { requireSignedIn } from '../session.ts';

/* Compliance under /api/schools/:schoolId/compliance. Thin: the service authorises and audit-logs. */

const schoolParams = z.object({ schoolId: z.string().min(1).max(64) });

export function registerComplianceRoutes(app: FastifyInstance, haven: Haven): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const base = '/schools/:schoolId/compliance';

  api.get(
    base,
    {
      schema: {
        summary:
          'Who has not signed their agreements, which pupils have no consent recorded (or only assumed), who is overdue on training; filtered by role, year group and class',
        params: schoolParams,
        querystring: complianceQuery,
      },
    },
    async (request) =>
      complianceList(haven, requireSignedIn(request).actor, request.params.schoolId, request.query),
  );

  api.get(
    `${base}/export.csv`,
    {
      schema: {
        summary: 'The same list as CSV (one line per person and item; formula-safe cells)',
        params: schoolParams,
        querystring: complianceQuery,
      },
    },
    async (request, reply) => {
      const { csv, filename } = await complianceCsv(
        haven,
        requireSignedIn(request).actor,
        request.params.schoolId,
        request.query,
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );

  api.get(
    `${base}/summary`,
    {
      schema: {
        summary:
          "Compliance counts for the governors' report: totals and by kind, year group, class and item; no names",
        params: schoolParams,
      },
    },
    async (request) => complianceSummary(haven, requireSignedIn(request).actor, request.params.schoolId),
  );
}
