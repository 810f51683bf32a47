import { useState } from 'react';
import { api, Button, EmptyState, Loadable, PageHeader, useAsync } from '@shop/shared';

/**
 * Which version of each remote is live, which one is on canary for what share of sessions, the errors browsers
 * reported per version, and an instant rollback (the same switch as `./frontends.sh rollback <remote>`).
 */
export function Releases() {
  const [round, setRound] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const state = useAsync(async () => ({ manifest: await api.admin.releases(), errors: await api.admin.frontendErrors() }), [round]);
  const rollback = async (remote: string) => {
    try {
      await api.admin.rollback(remote);
      setMessage(`${remote} rolled back: the next page load of every session uses the version shown.`);
    } catch (e) {
      setMessage(`Rollback of ${remote} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    setRound((r) => r + 1);
  };
  return (
    <>
      <PageHeader title="Releases" />
      {message && <p role="status" data-testid="release-message">{message}</p>}
      <Loadable state={state} label="Loading releases…">
        {({ manifest, errors }) => {
          const remotes = Object.entries(manifest?.remotes ?? {});
          if (remotes.length === 0) return <EmptyState title="No released versions: every remote runs its built-in build" />;
          const errorsOf = (app: string, version: string | null | undefined) =>
            errors.find((e) => e.app === app && e.version === version)?.errors ?? 0;
          return (
            <section className="card table-wrap">
              <table className="table">
                <thead><tr><th>Remote</th><th>Live</th><th>Canary</th><th>Previous</th><th className="num">Errors (live / canary)</th><th /></tr></thead>
                <tbody>
                  {remotes.map(([name, r]) => (
                    <tr key={name} data-testid={`release-${name}`}>
                      <td>{name}</td>
                      <td data-testid={`live-${name}`}>{r?.live ?? '—'}</td>
                      <td data-testid={`canary-${name}`}>{r?.canary ? `${r.canary.version} (${r.canary.percent}%)` : 'none'}</td>
                      <td>{r?.previous ?? '—'}</td>
                      <td className="num" data-testid={`errors-${name}`}>
                        {errorsOf(name, r?.live)} / {r?.canary ? errorsOf(name, r.canary.version) : '—'}
                      </td>
                      <td>
                        <Button variant="secondary" disabled={!r?.canary && !r?.previous} onClick={() => void rollback(name)}>
                          Roll back {name}
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          );
        }}
      </Loadable>
    </>
  );
}
