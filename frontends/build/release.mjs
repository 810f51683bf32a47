// The release tool behind ./frontends.sh: publishes remote builds as immutable versions and switches the
// manifest the host reads at run time. See docs/frontend-releases.md.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostImports, problems } from './compat.mjs';

const frontends = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const releases = resolve(process.env.FRONTENDS_RELEASES ?? join(frontends, 'releases'));
const manifestPath = join(releases, 'manifest.json');
const remotes = ['dashboard', 'user', 'admin'];

const fail = message => { console.error(message); process.exit(1); };
const readJson = path => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);
const load = () => readJson(manifestPath) ?? { remotes: {} };
function save(manifest) {
  mkdirSync(releases, { recursive: true });
  writeFileSync(`${manifestPath}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(`${manifestPath}.tmp`, manifestPath); // atomic: a page load never reads half a manifest
}
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true }).map(String).filter(f => statSync(join(dir, f)).isFile()).map(f => f.split('\\').join('/'));
}
function remoteArg(app) {
  if (!remotes.includes(app)) fail(`Unknown remote '${app ?? ''}': one of ${remotes.join(', ')}.`);
  return app;
}
function versionArg(version) {
  if (!/^[0-9A-Za-z][0-9A-Za-z.+-]{0,63}$/.test(version ?? '')) fail(`A version like 1.4.0 or 2026.12.05-1 is needed, not '${version ?? ''}'.`);
  return version;
}

/** Refuses a version that would break the host, with every reason. */
function check(app, dir) {
  const found = problems({
    remote: app,
    files: filesUnder(dir),
    manifest: readJson(join(dir, 'mf-manifest.json')),
    hostManifest: readJson(join(frontends, 'host', 'dist', 'mf-manifest.json')) ?? fail('Build the host first (eng/build-frontends.sh).'),
    imports: hostImports(readFileSync(join(frontends, 'host', 'src', 'remotes.d.ts'), 'utf8')),
  });
  if (found.length) fail(`Refused: ${app} from ${relative(process.cwd(), dir) || dir} is not compatible with the host:\n  - ${found.join('\n  - ')}`);
}

function publish(app, version, from) {
  const target = join(releases, app, version);
  const source = resolve(from ?? join(frontends, app, 'dist'));
  if (existsSync(target)) return target; // immutable: a published version is never overwritten
  if (!existsSync(source)) fail(`${source} does not exist: build ${app} first.`);
  check(app, source);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(source, `${target}.tmp`, { recursive: true });
  renameSync(`${target}.tmp`, target);
  console.log(`Published ${app}@${version} at /releases/${app}/${version}/`);
  return target;
}

function release(manifest, app) {
  return (manifest.remotes[app] ??= { live: null, previous: null, canary: null, versions: [] });
}

const [command, app, version, ...rest] = process.argv.slice(2);
const from = rest.find(a => a.startsWith('--from='))?.slice('--from='.length);
switch (command) {
  case 'publish': {
    publish(remoteArg(app), versionArg(version), from);
    break;
  }
  case 'deploy': {
    const dir = publish(remoteArg(app), versionArg(version), from);
    check(app, dir);
    const manifest = load();
    const r = release(manifest, app);
    if (r.live !== version) r.previous = r.live;
    r.live = version;
    r.canary = null;
    if (!r.versions.includes(version)) r.versions.push(version);
    save(manifest);
    console.log(`${app}: ${version} is live${r.previous ? ` (previous ${r.previous})` : ''}.`);
    break;
  }
  case 'rollback': {
    const manifest = load();
    const r = manifest.remotes[remoteArg(app)];
    if (r?.canary) { // a canary is rolled back first: every session back on the live version
      console.log(`${app}: canary ${r.canary.version} rolled back, every session on ${r.live}.`);
      r.canary = null;
      save(manifest);
      break;
    }
    if (!r?.previous) fail(`${app} has no previous version to roll back to.`);
    [r.live, r.previous] = [r.previous, r.live];
    r.canary = null;
    save(manifest);
    console.log(`${app}: rolled back to ${r.live}.`);
    break;
  }
  case 'canary': {
    const manifest = load();
    const r = release(manifest, remoteArg(app));
    if (version === 'off') { // the kill switch
      r.canary = null;
      save(manifest);
      console.log(`${app}: canary off, every session on ${r.live}.`);
      break;
    }
    const percent = Number(rest.find(a => /^\d+$/.test(a)) ?? 10);
    if (!(percent >= 0 && percent <= 100)) fail('The canary percentage is 0..100.');
    if (!r.live) fail(`${app} has no live version yet: deploy one before a canary.`);
    const dir = publish(app, versionArg(version), from);
    check(app, dir);
    r.canary = { version, percent };
    if (!r.versions.includes(version)) r.versions.push(version);
    save(manifest);
    console.log(`${app}: ${version} on canary for ${percent}% of sessions (live ${r.live}).`);
    break;
  }
  case 'status': {
    console.log(JSON.stringify(load(), null, 2));
    break;
  }
  default:
    fail('usage: ./frontends.sh build | publish|deploy <remote> <version> [--from=<dir>] | canary <remote> <version>|off [percent] | rollback <remote> | status');
}
