import { describe, expect, it } from 'vitest';
import { chooseRemotes, isCanary, sessionBucket, type RemotesManifest } from './manifest';
import { attribute } from './rum';

const manifest: RemotesManifest = {
  remotes: { admin: { live: '1.1.0', previous: '1.0.0', canary: { version: '2.0.0', percent: 25 } }, user: { live: '3.0.0' } },
};

describe('remotes manifest', () => {
  it('uses the built-in remotes when there is no manifest', () => {
    expect(chooseRemotes(null, 50).map((r) => r.entry)).toEqual([
      '/remotes/dashboard/remoteEntry.js', '/remotes/user/remoteEntry.js', '/remotes/admin/remoteEntry.js',
    ]);
  });

  it('gives the canary to sessions whose bucket is below its percentage, the live version to the rest', () => {
    const canary = chooseRemotes(manifest, 24).find((r) => r.name === 'admin')!;
    const live = chooseRemotes(manifest, 25).find((r) => r.name === 'admin')!;
    expect(canary).toMatchObject({ version: '2.0.0', canary: true, entry: '/releases/admin/2.0.0/remoteEntry.js' });
    expect(live).toMatchObject({ version: '1.1.0', canary: false, entry: '/releases/admin/1.1.0/remoteEntry.js' });
    expect(chooseRemotes(manifest, 0).find((r) => r.name === 'user')!.version).toBe('3.0.0');
    expect(chooseRemotes(manifest, 0).find((r) => r.name === 'dashboard')!.version).toBe('built-in');
  });

  it('clamps percentages: 0 is nobody, 100 is everybody', () => {
    expect(isCanary(0, 0)).toBe(false);
    expect(isCanary(99, 100)).toBe(true);
    expect(isCanary(5, -3)).toBe(false);
  });

  it('keeps a session in the same bucket (sticky canary)', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const first = sessionBucket(storage, () => 0.42);
    expect(first).toBe(42);
    expect(sessionBucket(storage, () => 0.99)).toBe(42);
    store.set('shop:release-bucket', 'garbage');
    expect(sessionBucket(storage, () => 0.07)).toBe(7);
  });

  it('attributes an error to the remote and version whose files it names, else to the shell', () => {
    const chosen = chooseRemotes(manifest, 0);
    expect(attribute('Error at https://x/releases/admin/2.0.0/remoteEntry.js:1', chosen)).toEqual({ app: 'admin', version: '2.0.0' });
    expect(attribute('TypeError: boom at /static/js/index.js', chosen)).toEqual({ app: 'host', version: 'built-in' });
  });
});
