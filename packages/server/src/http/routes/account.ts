import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Haven } from '../../haven.ts';
import { changePassword } from '../../services/auth-service.ts';
import { markMyNotificationRead, myNotifications } from '../../services/notification-service.ts';
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

  app.withTypeProvider<ZodTypeProvider>().get(
    '/account/notifications',
    {
      schema: {
        summary: 'Your notifications (alerts for your posts), newest first; they carry no personal content',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).optional() }),
      },
    },
    async (request) =>
      myNotifications(haven, requireSignedIn(request).actor, {
        ...(request.query.limit === undefined ? {} : { limit: request.query.limit }),
      }),
  );

  app.withTypeProvider<ZodTypeProvider>().post(
    '/account/notifications/:id/read',
    {
      schema: {
        summary: 'Mark one of your notifications read',
        params: z.object({ id: z.uuid() }),
      },
    },
    async (request, reply) => {
      await markMyNotificationRead(haven, requireSignedIn(request).actor, request.params.id);
      return reply.status(204).send();
    },
  );
}
