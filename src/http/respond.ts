/** JSON error responses in the one shape the API promises: {"error":{"code","message"}}. */
import type { Context } from 'hono';
import type { ZodError } from 'zod';
import { errorCodes, type ErrorCode } from '../core/errors';

export function errorBody(code: ErrorCode, message: string) {
  return { error: { code, message } };
}

export function sendError(c: Context, code: ErrorCode, message: string, headers?: Record<string, string>) {
  return c.json(errorBody(code, message), errorCodes[code] as 400, headers);
}

/** One readable line from a zod error: "field: problem; other: problem". */
export function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
