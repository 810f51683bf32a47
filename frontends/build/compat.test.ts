import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs module shared with ./frontends.sh (no declarations)
import { hostImports, problems, satisfies } from './compat.mjs';

const root = join(__dirname, '..');
const hostManifest = { shared: [{ name: 'react', version: '19.3.1', requiredVersion: '^19.3.0', singleton: true }] };
const good = {
  name: 'admin',
  exposes: [{ name: 'App', assets: { js: { sync: ['static/js/a.js'], async: [] } } }],
  shared: [{ name: 'react', version: '19.3.1', requiredVersion: '^19.3.0', singleton: true }],
};
const check = (manifest: unknown, files = ['remoteEntry.js', 'static/js/a.js']) =>
  problems({ remote: 'admin', files, manifest, hostManifest, imports: { admin: ['App'] } }) as string[];

describe('release compatibility checks', () => {
  it('reads semver ranges the way Module Federation does for these builds', () => {
    expect(satisfies('19.3.1', '^19.3.0')).toBe(true);
    expect(satisfies('20.0.0', '^19.3.0')).toBe(false);
    expect(satisfies('19.2.9', '^19.3.0')).toBe(false);
    expect(satisfies('7.18.9', '~7.18.0')).toBe(true);
    expect(satisfies('7.19.0', '~7.18.0')).toBe(false);
    expect(satisfies('0.3.4', '^0.3.0')).toBe(true);
    expect(satisfies('0.4.0', '^0.3.0')).toBe(false);
  });

  it('accepts a build that fits the host', () => {
    expect(check(good)).toEqual([]);
  });

  it('refuses a build without its entry, an expose, or an expose chunk, saying which', () => {
    expect(check(good, ['static/js/a.js'])).toEqual(['admin: remoteEntry.js is missing']);
    expect(check({ ...good, exposes: [] })).toEqual(["admin: does not expose './App', which the host imports as 'admin/App'"]);
    expect(check(good, ['remoteEntry.js'])).toEqual(["admin: exposed module './App' needs static/js/a.js, which is missing"]);
  });

  it('refuses a build whose shared singletons do not fit the host', () => {
    const needsNewer = { ...good, shared: [{ name: 'react', version: '20.0.0', requiredVersion: '^20.0.0', singleton: true }] };
    expect(check(needsNewer)).toEqual(['admin: needs react ^20.0.0, the host provides 19.3.1']);
    const builtOlder = { ...good, shared: [{ name: 'react', version: '19.0.0', requiredVersion: '^19.0.0', singleton: true }] };
    expect(check(builtOlder)).toEqual(['admin: was built with react 19.0.0, the host requires ^19.3.0']);
  });

  it('reads what the host imports from its declarations', () => {
    const imports = hostImports(readFileSync(join(root, 'host/src/remotes.d.ts'), 'utf8'));
    expect(imports).toEqual({ dashboard: ['App', 'SearchBox'], user: ['App'], admin: ['App'] });
  });
});
