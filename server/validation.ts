import type { z } from 'zod';

/** One readable sentence from a zod error: the first problem, with where it is. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'That request is not valid.';
  const where = issue.path.length ? ` (${issue.path.join('.')})` : '';
  const message = issue.code === 'invalid_union' ? 'Unknown or malformed command.' : issue.message;
  return `${message}${where}`;
}
