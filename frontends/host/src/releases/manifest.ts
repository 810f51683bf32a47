// The remotes manifest (served by the gateway at /releases/manifest.json, written by ./frontends.sh): which
// immutable version of each remote is live, the previous one (for rollback), and an optional canary that a
// percentage of sessions gets. Pure functions here, so the choice is unit-tested (releases.test.ts).

export type RemoteName = 'dashboard' | 'user' | 'admin';
export const remoteNames: readonly RemoteName[] = ['dashboard', 'user', 'admin'];

export interface RemoteRelease {
  live: string;
  previous?: string | null;
  canary?: { version: string; percent: number } | null;
  versions?: string[];
}

export interface RemotesManifest {
  remotes: Partial<Record<RemoteName, RemoteRelease>>;
}

export interface ChosenRemote {
  name: RemoteName;
  /** The version this session runs, or 'built-in' when the manifest has none (the remote's /remotes/<name>/ build). */
  version: string;
  entry: string;
  canary: boolean;
}

/** A session's bucket, 0..99: canary gets the sessions whose bucket is below its percent. */
export function isCanary(bucket: number, percent: number): boolean {
  return bucket < Math.max(0, Math.min(100, percent));
}

export function entryOf(name: RemoteName, version: string): string {
  return version === 'built-in'
    ? `/remotes/${name}/remoteEntry.js`
    : `/releases/${name}/${encodeURIComponent(version)}/remoteEntry.js`;
}

/** The version of every remote this session loads; a missing or empty manifest means the built-in remotes. */
export function chooseRemotes(manifest: RemotesManifest | null, bucket: number): ChosenRemote[] {
  return remoteNames.map(name => {
    const release = manifest?.remotes?.[name];
    const canary = release?.canary && isCanary(bucket, release.canary.percent) ? release.canary.version : null;
    const version = canary ?? release?.live ?? 'built-in';
    return { name, version, entry: entryOf(name, version), canary: canary !== null };
  });
}

/** A random bucket kept for the session's lifetime in this browser (sticky: a canary session stays one). */
export function sessionBucket(storage: Pick<Storage, 'getItem' | 'setItem'>, random: () => number = Math.random): number {
  const stored = Number.parseInt(storage.getItem('shop:release-bucket') ?? '', 10);
  if (Number.isInteger(stored) && stored >= 0 && stored < 100) return stored;
  const bucket = Math.floor(random() * 100);
  storage.setItem('shop:release-bucket', String(bucket));
  return bucket;
}
