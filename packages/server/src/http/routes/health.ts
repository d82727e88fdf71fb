import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Haven } from '../../haven.ts';

export function registerHealthRoutes(app: FastifyInstance, haven: Haven): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/health',
    {
      schema: {
        summary: 'Is Haven up, and can it reach its database?',
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.enum(['sqlite', 'postgres']),
            version: z.string(),
          }),
        },
      },
    },
    async () => {
      await sql`select 1`.execute(haven.db);
      return { status: 'ok' as const, database: haven.dialect, version: '0.1.0' };
    },
  );
}
