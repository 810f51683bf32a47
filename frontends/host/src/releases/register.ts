// Dynamic remotes: the host is built once; which build of each remote it loads is read at run time from the
// manifest, and registered with Module Federation's runtime before any remote is imported.
import { registerRemotes } from '@module-federation/enhanced/runtime';
import { chooseRemotes, sessionBucket, type ChosenRemote, type RemotesManifest } from './manifest';
import { setLoadedRemotes } from './rum';

export async function loadManifest(): Promise<RemotesManifest | null> {
  try {
    const response = await fetch('/releases/manifest.json', { cache: 'no-cache' });
    return response.ok ? ((await response.json()) as RemotesManifest) : null;
  } catch {
    return null; // no manifest (nothing released yet, or the gateway is down): the built-in remotes
  }
}

export async function registerReleasedRemotes(): Promise<ChosenRemote[]> {
  const chosen = chooseRemotes(await loadManifest(), sessionBucket(localStorage));
  registerRemotes(chosen.map(r => ({ name: r.name, entry: r.entry })), { force: true });
  setLoadedRemotes(chosen);
  document.documentElement.dataset.remotes = chosen.map(r => `${r.name}@${r.version}`).join(' ');
  return chosen;
}
