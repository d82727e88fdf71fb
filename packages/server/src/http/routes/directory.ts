import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Haven } from '../../haven.ts';
import {
  IMPORT_BODY_LIMIT,
  importFile,
  importRun,
  importRuns,
  previewImport,
  runImport,
} from '../../services/directory-service.ts';
import { requireSignedIn } from '../session.ts';

/* Imports from the MIS under /api/schools/:schoolId/people/imports (issue 6). */

const schoolParams = z.object({ schoolId: z.string().min(1).max(64) });

export function registerDirectoryRoutes(app: FastifyInstance, haven: Haven): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const base = '/schools/:schoolId/people/imports';

  api.post(
    `${base}/preview`,
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        summary:
          'What importing an MIS CSV export would do: the column mapping, adds, updates, leavers and every problem by line (writes nothing)',
        params: schoolParams,
        body: importFile,
      },
    },
    async (request) =>
      previewImport(haven, requireSignedIn(request).actor, request.params.schoolId, request.body),
  );

  api.post(
    base,
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        summary:
          "Import an MIS CSV export in one transaction; with problems, nothing is written unless confirm is 'skip-bad-rows' (422 import-has-problems)",
        params: schoolParams,
        body: importRun,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await runImport(haven, requireSignedIn(request).actor, request.params.schoolId, request.body)),
  );

  api.get(
    base,
    {
      schema: {
        summary: "The school's MIS imports, newest first: who, when, file hash, counts, problems",
        params: schoolParams,
      },
    },
    async (request) => importRuns(haven, requireSignedIn(request).actor, request.params.schoolId),
  );
}
