import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PERSON_KINDS } from '../../db/schema.ts';
import type { Haven } from '../../haven.ts';
import {
  addPerson,
  assignPolicyRole,
  peopleList,
  unassignPolicyRole,
} from '../../services/people-service.ts';
import { recordApproval, saveDraft } from '../../services/policy-service.ts';
import {
  schoolMatrix,
  schoolOverview,
  schoolPolicy,
  schoolPolicyHtml,
  schoolPolicyVersions,
} from '../../services/school-service.ts';
import { requireSignedIn } from '../session.ts';

const schoolParams = z.object({ schoolId: z.string().min(1).max(64) });
const name = z.string().trim().min(1).max(100);

export function registerSchoolRoutes(app: FastifyInstance, haven: Haven): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/schools/:schoolId/overview',
    {
      schema: {
        summary: "The school's home page: policy status, roles and holders, counts",
        params: schoolParams,
      },
    },
    async (request) => schoolOverview(haven, requireSignedIn(request).actor, request.params.schoolId),
  );

  api.get(
    '/schools/:schoolId/policy',
    { schema: { summary: "The school's current policy document", params: schoolParams } },
    async (request) => schoolPolicy(haven, requireSignedIn(request).actor, request.params.schoolId),
  );

  api.get(
    '/schools/:schoolId/policy/matrices/:matrix',
    {
      schema: {
        summary: 'One matrix of the current policy',
        params: schoolParams.extend({ matrix: z.string().max(40) }),
      },
    },
    async (request) =>
      schoolMatrix(haven, requireSignedIn(request).actor, request.params.schoolId, request.params.matrix),
  );

  api.get(
    '/schools/:schoolId/policy/document',
    { schema: { summary: 'The current policy as a readable HTML document', params: schoolParams } },
    async (request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(await schoolPolicyHtml(haven, requireSignedIn(request).actor, request.params.schoolId)),
  );

  api.get(
    '/schools/:schoolId/policy/versions',
    { schema: { summary: 'Every version of the policy', params: schoolParams } },
    async (request) => schoolPolicyVersions(haven, requireSignedIn(request).actor, request.params.schoolId),
  );

  api.post(
    '/schools/:schoolId/policy/versions',
    {
      schema: {
        summary: 'Save a policy document as a new draft version (validated)',
        params: schoolParams,
        body: z.object({ document: z.unknown() }),
      },
    },
    async (request, reply) => {
      const draft = await saveDraft(
        haven,
        requireSignedIn(request).actor,
        request.params.schoolId,
        request.body.document,
      );
      return reply.status(201).send({ versionId: draft.id, version: draft.version, status: draft.status });
    },
  );

  api.post(
    '/schools/:schoolId/policy/versions/:versionId/approval',
    {
      schema: {
        summary: "Record the governors' approval of a draft, which makes it current",
        params: schoolParams.extend({ versionId: z.string().max(64) }),
        body: z.object({ approvedOn: z.iso.date(), approvedBy: z.string().trim().min(1).max(200) }),
      },
    },
    async (request) =>
      recordApproval(haven, requireSignedIn(request).actor, request.params.schoolId, {
        versionId: request.params.versionId,
        approvedOn: request.body.approvedOn,
        approvedBy: request.body.approvedBy,
      }),
  );

  api.get(
    '/schools/:schoolId/people',
    {
      schema: {
        summary: 'People in the school directory',
        params: schoolParams,
        querystring: z.object({
          kind: z.enum(PERSON_KINDS).optional(),
          q: z.string().max(100).optional(),
          offset: z.coerce.number().int().min(0).optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
        }),
      },
    },
    async (request) =>
      peopleList(haven, requireSignedIn(request).actor, request.params.schoolId, request.query),
  );

  api.post(
    '/schools/:schoolId/people',
    {
      schema: {
        summary: 'Add a person to the directory',
        params: schoolParams,
        body: z.object({
          kind: z.enum(PERSON_KINDS),
          givenName: name,
          familyName: name,
          email: z.email().max(320).optional(),
          yearGroup: z.string().trim().min(1).max(40).optional(),
          className: z.string().trim().min(1).max(40).optional(),
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addPerson(haven, requireSignedIn(request).actor, request.params.schoolId, request.body)),
  );

  api.post(
    '/schools/:schoolId/role-assignments',
    {
      schema: {
        summary: 'Give a person a role named in the policy (or make them its deputy)',
        params: schoolParams,
        body: z.object({
          personId: z.string().min(1).max(64),
          policyRoleId: z.string().min(1).max(80),
          deputy: z.boolean().default(false),
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await assignPolicyRole(
            haven,
            requireSignedIn(request).actor,
            request.params.schoolId,
            request.body,
          ),
        ),
  );

  api.delete(
    '/schools/:schoolId/role-assignments/:assignmentId',
    {
      schema: {
        summary: 'Remove a role assignment',
        params: schoolParams.extend({ assignmentId: z.string().max(64) }),
      },
    },
    async (request, reply) => {
      await unassignPolicyRole(
        haven,
        requireSignedIn(request).actor,
        request.params.schoolId,
        request.params.assignmentId,
      );
      return reply.status(204).send();
    },
  );
}
