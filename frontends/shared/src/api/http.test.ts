import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './ApiError';
import { request, useTokenSource } from './http';

function respond(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('API client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the bearer token and parses JSON', async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => respond(200, { id: 1 }));
    vi.stubGlobal('fetch', fetch);
    useTokenSource({ accessToken: () => 'token-1', refresh: async () => false });
    await expect(request('/api/x')).resolves.toEqual({ id: 1 });
    const init = fetch.mock.calls[0]![1] as RequestInit;
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer token-1');
  });

  it('refreshes once on 401 and retries with the new token', async () => {
    let token = 'old';
    const fetch = vi.fn(async (_: string, init: RequestInit) =>
      (init.headers as Record<string, string>).Authorization === 'Bearer new' ? respond(200, { ok: true }) : respond(401));
    vi.stubGlobal('fetch', fetch);
    useTokenSource({ accessToken: () => token, refresh: async () => { token = 'new'; return true; } });
    await expect(request('/api/x')).resolves.toEqual({ ok: true });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('turns a problem response into an ApiError with its status', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => respond(409, { title: 'Conflict', status: 409, detail: 'Out of stock' })));
    useTokenSource({ accessToken: () => null, refresh: async () => false });
    const error = await request('/api/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(409);
  });

  it('returns undefined for 204 and sends no token when anonymous', async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetch);
    useTokenSource({ accessToken: () => 'secret', refresh: async () => false });
    await expect(request('/api/x', { method: 'DELETE', anonymous: true })).resolves.toBeUndefined();
    expect((fetch.mock.calls[0]![1] as RequestInit).headers).not.toHaveProperty('Authorization');
  });
});
