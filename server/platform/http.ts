// Shared pieces for route schemas.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

export type App = FastifyInstance;
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

export const Page = z.object({
  page: z.coerce.number().int('页码应为整数').min(1, '页码至少为 1').max(100000).default(1),
  pageSize: z.coerce.number().int('每页条数应为整数').min(1, '每页至少 1 条').max(100, '每页最多 100 条').default(20),
});

export const ErrorBody = z.object({ code: z.string(), message: z.string() }).passthrough();
/** Standard error responses for the OpenAPI document. */
export const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, ErrorBody]));

export const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');
