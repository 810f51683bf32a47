import type { ProblemDetails } from './types';

/** A non-2xx answer, carrying the RFC 9457 problem the gateway or a service returned. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;

  constructor(status: number, problem: ProblemDetails) {
    super(ApiError.describe(status, problem));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** The validation messages of one field, for showing next to its input. */
  fieldErrors(field: string): string[] {
    const errors = this.problem.errors ?? {};
    const key = Object.keys(errors).find((k) => k.toLowerCase() === field.toLowerCase());
    return key ? (errors[key] ?? []) : [];
  }

  private static describe(status: number, problem: ProblemDetails): string {
    if (problem.detail) return problem.detail;
    if (problem.title) return problem.title;
    if (problem.error) return problem.error.replace(/_/g, ' ');
    if (status === 429) return 'Too many requests: please wait a moment and try again.';
    if (status >= 500) return 'The shop is having trouble right now. Please try again shortly.';
    return `Request failed (${status}).`;
  }
}
