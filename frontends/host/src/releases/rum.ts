// Real-user monitoring: errors, remote load failures and Web Vitals go to the gateway (POST /frontends/rum),
// which records them on the OpenTelemetry meter ECommerce.Frontends, tagged with the remote and its version,
// so the Aspire dashboard shows a canary's error rate next to the live version's.
import { onCLS, onINP, onLCP, type Metric } from 'web-vitals';
import type { ChosenRemote } from './manifest';

export interface RumEvent {
  kind: 'error' | 'remote-load-failure' | 'vital';
  app: string;
  version: string;
  name?: string;
  value?: number;
  message?: string;
}

let loaded: ChosenRemote[] = [];

export function setLoadedRemotes(remotes: ChosenRemote[]): void {
  loaded = remotes;
  (window as unknown as { __shopRemotes: ChosenRemote[] }).__shopRemotes = remotes;
}

/** Which remote (and version) a failure belongs to: the one named in the error or its stack, else the shell. */
export function attribute(text: string, remotes: ChosenRemote[] = loaded): { app: string; version: string } {
  const hit = remotes.find(r => text.includes(`/releases/${r.name}/`) || text.includes(`/remotes/${r.name}/`)
    || new RegExp(`\\b${r.name}\\b`).test(text));
  return hit ? { app: hit.name, version: hit.version } : { app: 'host', version: 'built-in' };
}

export function report(event: RumEvent): void {
  const body = JSON.stringify(event);
  if (!navigator.sendBeacon?.('/frontends/rum', new Blob([body], { type: 'application/json' }))) {
    void fetch('/frontends/rum', { method: 'POST', body, headers: { 'content-type': 'application/json' }, keepalive: true }).catch(() => {});
  }
}

export function reportError(error: unknown, kind: RumEvent['kind'] = 'error', app?: string): void {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const text = `${message}\n${error instanceof Error ? error.stack ?? '' : ''}`;
  const owner = app ? attribute(app) : attribute(text);
  report({ kind, ...owner, message: message.slice(0, 500) });
}

export function startRum(): void {
  window.addEventListener('error', e => reportError(e.error ?? e.message));
  window.addEventListener('unhandledrejection', e => reportError(e.reason));
  const vital = (metric: Metric) => report({ kind: 'vital', app: 'host', version: 'built-in', name: metric.name, value: metric.value });
  onLCP(vital);
  onINP(vital);
  onCLS(vital);
}
