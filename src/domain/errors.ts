// One error type for everything the user may be told; mapped to an HTTP status in one place.
import type { z } from 'zod';
import { invalidData } from '../../workflows/messages';
import type { Bilingual } from '../../workflows/types';

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  CONFLICT: 409,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 415,
  UNPROCESSABLE: 422,
  TOO_MANY_REQUESTS: 429,
  CASE_UNREADABLE: 422,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly userMessage: string = defaultMessage(code),
    readonly details?: unknown,
  ) {
    super(userMessage);
    this.name = 'AppError';
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

function defaultMessage(code: ErrorCode): string {
  switch (code) {
    case 'BAD_REQUEST': return 'The request is malformed.';
    case 'UNAUTHENTICATED': return 'Please sign in.';
    case 'FORBIDDEN': return 'You are not allowed to do this.';
    case 'NOT_FOUND': return 'Not found.';
    case 'VERSION_CONFLICT': return 'The case has changed since you loaded it.';
    case 'CONFLICT': return 'This conflicts with existing data.';
    case 'TOO_LARGE': return 'The request is too large.';
    case 'UNSUPPORTED_MEDIA': return 'This type of content is not accepted.';
    case 'UNPROCESSABLE': return 'The request breaks a rule.';
    case 'TOO_MANY_REQUESTS': return 'Too many attempts; please wait and try again.';
    case 'CASE_UNREADABLE': return 'This case was saved by an older workflow and cannot be restored.';
    default: return 'Something went wrong on our side.';
  }
}

/**
 * A zod refusal in the message catalogue's words (workflows/messages.ts): each field named by its
 * label, never its key, never zod's own text. The message and `details.fields` carry both languages
 * (the API's documented shape); `details.byField` and `details.reason` let a page show the
 * reader's language at each field.
 */
export function validationError(schema: z.ZodType, issues: z.core.$ZodIssue[], data: unknown, intro?: Bilingual): AppError {
  return refusalError(invalidData(schema, issues, data, intro));
}

/**
 * A rule's refusal (workflows' Reason: both languages, maybe per field) as a 422: `fields` in
 * both languages for the API, `byField` and `reason` so a page shows the reader's language at the field.
 */
export function refusalError(reason: { zh: string; en: string; field?: string; fields?: Record<string, { zh: string; en: string }> }): AppError {
  const both = (b: { zh: string; en: string }) => `${b.zh} / ${b.en}`;
  const byField = reason.fields ?? (reason.field ? { [reason.field]: { zh: reason.zh, en: reason.en } } : undefined);
  return new AppError('UNPROCESSABLE', both(reason), {
    reason: { zh: reason.zh, en: reason.en },
    ...(byField ? { fields: Object.fromEntries(Object.entries(byField).map(([k, m]) => [k, both(m)])), byField } : {}),
  });
}
