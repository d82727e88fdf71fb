import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Haven } from '../../haven.ts';
import { changePassword } from '../../services/auth-service.ts';
import { requireSignedIn } from '../session.ts';

export function registerAccountRoutes(app: FastifyInstance, haven: Haven): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/account/password',
    {
      schema: {
        summary: 'Change your password (at least 12 characters; common passwords are refused)',
        body: z.object({
          currentPassword: z.string().min(1).max(1024),
          newPassword: z.string().min(1).max(1024),
        }),
      },
    },
    async (request, reply) => {
      await changePassword(
        haven,
        requireSignedIn(request),
        request.body.currentPassword,
        request.body.newPassword,
      );
      return reply.status(204).send();
    },
  );
}
