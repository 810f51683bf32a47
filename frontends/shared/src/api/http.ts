import { ApiError } from './ApiError';
import type { ProblemDetails } from './types';

/** Supplies the bearer token and renews it once when the gateway says it expired (set by the auth store). */
export interface TokenSource {
  accessToken(): string | null;
  refresh(): Promise<boolean>;
}

let tokens: TokenSource | null = null;

export function useTokenSource(source: TokenSource): void {
  tokens = source;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  anonymous?: boolean;
}

/** Same-origin calls: in production the gateway serves the apps; in dev the dev servers proxy /api to it. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(path, options);
  if (response.status === 401 && !options.anonymous && tokens && (await tokens.refresh())) {
    response = await send(path, options);
  }
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  let body: BodyInit | undefined;
  if (options.form) {
    body = new URLSearchParams(options.form);
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const token = options.anonymous ? null : tokens?.accessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(path, { method: options.method ?? 'GET', headers, body, signal: options.signal ?? null });
}

async function readProblem(response: Response): Promise<ProblemDetails> {
  try {
    const text = await response.text();
    return text ? (JSON.parse(text) as ProblemDetails) : { status: response.status };
  } catch {
    return { status: response.status };
  }
}

/** Builds a query string from the values that are set. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
