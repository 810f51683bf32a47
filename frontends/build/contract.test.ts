// Contract tests: each remote, as built, exposes what the host imports and shares singletons the host accepts
// (the same check ./frontends.sh runs before a version goes live), and every remote is under its size budget.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs module shared with ./frontends.sh (no declarations)
import { hostImports, problems } from './compat.mjs';

const root = join(__dirname, '..');
const json = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));
const files = (dir: string) => (readdirSync(join(root, dir), { recursive: true }) as string[])
  .filter((f) => statSync(join(root, dir, f)).isFile()).map((f) => f.split('\\').join('/'));
const imports = hostImports(readFileSync(join(root, 'host/src/remotes.d.ts'), 'utf8')) as Record<string, string[]>;
const sizeLimit = join(root, 'node_modules/.bin/size-limit');

describe('remote contracts (built output)', () => {
  for (const remote of ['dashboard', 'user', 'admin']) {
    it(`${remote} exposes what the host imports, with shared versions the host accepts`, () => {
      const found = problems({
        remote, files: files(`${remote}/dist`), manifest: json(`${remote}/dist/mf-manifest.json`),
        hostManifest: json('host/dist/mf-manifest.json'), imports,
      });
      expect(found).toEqual([]);
      expect(imports[remote]!.length).toBeGreaterThan(0);
    });
  }

  it('every exposed module is declared for the host (no expose the host cannot type)', () => {
    for (const remote of ['dashboard', 'user', 'admin']) {
      const exposed = (json(`${remote}/dist/mf-manifest.json`).exposes as { name: string }[]).map((e) => e.name).sort();
      expect(exposed, remote).toEqual([...imports[remote]!].sort());
    }
  });
});

describe('bundle budgets', () => {
  it('every app is within its budget', () => {
    expect(() => execFileSync(sizeLimit, [], { cwd: root, stdio: 'pipe' })).not.toThrow();
  });

  it('the budget check fails the build when an app is over its budget', () => {
    const dir = mkdtempSync(join(tmpdir(), 'size-limit-'));
    writeFileSync(join(dir, 'package.json'), '{"name":"budget-probe","private":true}');
    writeFileSync(join(dir, '.size-limit.json'), JSON.stringify([{ name: 'host', path: join(root, 'host/dist/static/**/*.js'), limit: '10 kB' }]));
    const run = spawnSync(sizeLimit, [], { cwd: dir, encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toMatch(/exceeded|limit/i);
  });
});
