import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Haven } from '../../haven.ts';
import { getUnsignedRule, setUnsignedRule } from '../../repositories/agreements.ts';
import {
  agreementText,
  approveSignature,
  importAgreement,
  myAgreements,
  pendingApprovals,
  schoolAgreements,
  signAgreement,
  signatureRecords,
  signedCopy,
  withdrawAgreement,
} from '../../services/agreement-service.ts';
import { audit } from '../../services/audit.ts';
import { authorise } from '../../services/school-service.ts';
import { errors } from '../errors.ts';
import { requireSignedIn } from '../session.ts';

/*
 * Agreements under /api/schools/:schoolId/agreements. Thin: the service authorises each call,
 * checks who signs for whom and that the version is current, and appends the record.
 */

const schoolParams = z.object({ schoolId: z.string().min(1).max(64) });
const agreementParams = schoolParams.extend({ agreementId: z.string().min(1).max(64) });
/** A 2 MB document in base64, with room for the rest. */
const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
const IMPORT_BODY_LIMIT = Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 64 * 1024;

const from = (request: FastifyRequest) => ({
  ip: request.ip,
  userAgent: request.headers['user-agent']?.slice(0, 500) ?? null,
});

export function registerAgreementRoutes(app: FastifyInstance, haven: Haven): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const base = '/schools/:schoolId/agreements';

  api.get(
    base,
    { schema: { summary: "The school's agreements, each with its versions", params: schoolParams } },
    async (request) => schoolAgreements(haven, requireSignedIn(request).actor, request.params.schoolId),
  );

  api.get(
    `${base}/mine`,
    {
      schema: {
        summary: 'What I must sign and whether I have, and what I sign for each of my children',
        params: schoolParams,
      },
    },
    async (request) => myAgreements(haven, requireSignedIn(request).actor, request.params.schoolId),
  );

  api.get(
    `${base}/records`,
    {
      schema: {
        summary: 'Who has signed what: every current person’s required agreements (audit-logged)',
        params: schoolParams,
      },
    },
    async (request) => signatureRecords(haven, requireSignedIn(request).actor, request.params.schoolId),
  );

  api.get(
    `${base}/approvals`,
    {
      schema: { summary: 'Signatures awaiting the authorised signature', params: schoolParams },
    },
    async (request) => pendingApprovals(haven, requireSignedIn(request).actor, request.params.schoolId),
  );

  api.get(
    `${base}/settings`,
    { schema: { summary: 'What the gateway does with someone who has not signed', params: schoolParams } },
    async (request) => {
      const school = await authorise(
        haven,
        requireSignedIn(request).actor,
        request.params.schoolId,
        'agreements',
        'manage',
      );
      return { unsignedRule: await getUnsignedRule(haven.db, school.id) };
    },
  );

  api.put(
    `${base}/settings`,
    {
      schema: {
        summary:
          "Set the unsigned rule: guests' filtering ('guest-rules') or a page asking them to sign first ('sign-first')",
        params: schoolParams,
        body: z.strictObject({ unsignedRule: z.enum(['guest-rules', 'sign-first']) }),
      },
    },
    async (request) => {
      const { actor } = requireSignedIn(request);
      const school = await authorise(haven, actor, request.params.schoolId, 'agreements', 'manage');
      await setUnsignedRule(
        haven.db,
        school.id,
        request.body.unsignedRule,
        actor.label,
        haven.now().toISOString(),
      );
      await audit(
        haven.db,
        actor,
        'agreement.settings-changed',
        { type: 'school', id: school.id, schoolId: school.id },
        {
          unsignedRule: request.body.unsignedRule,
        },
      );
      return { unsignedRule: request.body.unsignedRule };
    },
  );

  api.post(
    `${base}/signatures/:signatureId/approve`,
    {
      schema: {
        summary:
          'Give the authorised signature to a staff signature (seed 001 appendix 1); never the signer’s own',
        params: schoolParams.extend({ signatureId: z.string().min(1).max(64) }),
        body: z.strictObject({ fields: z.record(z.string().max(64), z.unknown()) }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await approveSignature(
            haven,
            requireSignedIn(request).actor,
            request.params.schoolId,
            request.params.signatureId,
            request.body,
            from(request),
          ),
        ),
  );

  api.get(
    `${base}/signatures/:signatureId/copy.pdf`,
    {
      schema: {
        summary:
          "The signer's copy (PDF): the exact text signed, the answers, and who signed, for whom, when and from where",
        params: schoolParams.extend({ signatureId: z.string().min(1).max(64) }),
      },
    },
    async (request, reply) => {
      const file = await signedCopy(
        haven,
        requireSignedIn(request).actor,
        request.params.schoolId,
        request.params.signatureId,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`)
        .header('cache-control', 'no-store')
        .send(file.pdf);
    },
  );

  api.get(
    `${base}/:agreementId`,
    {
      schema: {
        summary: 'An agreement’s text and form: the current version, or an earlier one by number',
        params: agreementParams,
        querystring: z.object({ version: z.coerce.number().int().positive().optional() }),
      },
    },
    async (request) =>
      agreementText(
        haven,
        requireSignedIn(request).actor,
        request.params.schoolId,
        request.params.agreementId,
        request.query.version,
      ),
  );

  api.post(
    `${base}/:agreementId/sign`,
    {
      schema: {
        summary:
          'Sign the current version for myself or my child: the version and text hash I read, and the form’s answers; an outdated version is refused (409) with the current one',
        params: agreementParams,
        body: z.strictObject({
          personId: z.string().min(1).max(64).optional(),
          version: z.number().int().positive(),
          textHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be the SHA-256 of the text, in hex'),
          answers: z.unknown(),
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await signAgreement(
            haven,
            requireSignedIn(request).actor,
            request.params.schoolId,
            request.params.agreementId,
            request.body,
            from(request),
          ),
        ),
  );

  api.post(
    `${base}/:agreementId/withdraw`,
    {
      schema: {
        summary: 'Withdraw my (or my child’s) signature: a new record; the signature stays as it was',
        params: agreementParams,
        body: z.strictObject({ personId: z.string().min(1).max(64).optional() }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withdrawAgreement(
            haven,
            requireSignedIn(request).actor,
            request.params.schoolId,
            request.params.agreementId,
            request.body,
            from(request),
          ),
        ),
  );

  api.post(
    `${base}/:agreementId/versions`,
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        summary:
          "Import the school's own wording (.txt, .md or .docx, base64, at most 2 MB) as a new version that everyone signs again",
        params: agreementParams,
        body: z.strictObject({
          filename: z.string().trim().min(1).max(255),
          content: z.string().max(Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 16),
        }),
      },
    },
    async (request, reply) => {
      const { content, filename } = request.body;
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content))
        throw errors.validation([{ path: 'content', reason: 'must be the file in base64' }]);
      return reply.status(201).send(
        await importAgreement(
          haven,
          requireSignedIn(request).actor,
          request.params.schoolId,
          request.params.agreementId,
          {
            filename,
            bytes: Buffer.from(content, 'base64'),
          },
        ),
      );
    },
  );
}
