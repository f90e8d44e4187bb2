/** Client-side checks with the shared zod schemas: field path → translated message key. */
import type { MessageKey } from './i18n/zh';

interface Issue {
  code: string;
  path: PropertyKey[];
  minimum?: unknown;
}

export type FieldErrors = Record<string, MessageKey>;

/** Maps zod issues to `{ 'contacts.0.phone': 'validation.required' }`, first issue per field. */
export function fieldErrors(issues: readonly Issue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (out[path]) continue;
    out[path] = messageFor(issue);
  }
  return out;
}

function messageFor(issue: Issue): MessageKey {
  switch (issue.code) {
    case 'too_small':
      return issue.minimum === 1 || issue.minimum === 1n ? 'validation.required' : 'validation.tooShort';
    case 'too_big':
      return 'validation.tooLong';
    default:
      return 'validation.invalid';
  }
}
