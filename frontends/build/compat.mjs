// Release checks shared by ./frontends.sh and the Vitest suite: does a remote build fit the host that will load it?
// Pure functions over the mf-manifest.json files the builds write, so each refusal is unit-tested.

/** Does `version` (x.y.z) satisfy `range`? Supports what federation.ts uses: ^x.y.z, ~x.y.z, x.y.z, *. */
export function satisfies(version, range) {
  const parse = v => v.replace(/^[v=]/, '').split('-')[0].split('.').map(n => Number.parseInt(n, 10) || 0);
  if (!range || range === '*') return true;
  const op = /^[\^~]/.test(range) ? range[0] : '=';
  const [a, b, c] = parse(version);
  const [x, y, z] = parse(range.slice(op === '=' ? 0 : 1));
  const atLeast = a > x || (a === x && (b > y || (b === y && c >= z)));
  if (op === '=') return a === x && b === y && c === z;
  if (op === '~') return atLeast && a === x && b === y;
  return atLeast && (x > 0 ? a === x : y > 0 ? a === 0 && b === y : a === 0 && b === 0 && c === z);
}

/** The exposed modules the host imports, by remote, from its typed declarations (host/src/remotes.d.ts). */
export function hostImports(declarations) {
  const imports = {};
  for (const [, remote, module] of declarations.matchAll(/declare module '([a-z]+)\/([A-Za-z]+)'/g))
    (imports[remote] ??= []).push(module);
  return imports;
}

/**
 * Why a remote build must not go live, or [] when it may: its entry is missing, it does not expose what the
 * host imports, or a singleton it shares needs a version the host does not provide (or the other way round).
 */
export function problems({ remote, files, manifest, hostManifest, imports }) {
  const found = [];
  if (!files.includes('remoteEntry.js')) found.push(`${remote}: remoteEntry.js is missing`);
  if (!manifest) return [...found, `${remote}: mf-manifest.json is missing`];
  if (manifest.name !== remote) found.push(`${remote}: the build's federation name is '${manifest.name}', the host expects '${remote}'`);
  const exposed = new Set(manifest.exposes.map(e => e.name));
  for (const module of imports[remote] ?? [])
    if (!exposed.has(module)) found.push(`${remote}: does not expose './${module}', which the host imports as '${remote}/${module}'`);
  for (const expose of manifest.exposes)
    for (const asset of [...expose.assets.js.sync, ...expose.assets.js.async])
      if (!files.includes(asset)) found.push(`${remote}: exposed module './${expose.name}' needs ${asset}, which is missing`);
  const host = new Map(hostManifest.shared.map(s => [s.name, s]));
  for (const shared of manifest.shared) {
    const mine = host.get(shared.name);
    if (!mine || !shared.singleton) continue;
    if (!satisfies(mine.version, shared.requiredVersion))
      found.push(`${remote}: needs ${shared.name} ${shared.requiredVersion}, the host provides ${mine.version}`);
    else if (!satisfies(shared.version, mine.requiredVersion))
      found.push(`${remote}: was built with ${shared.name} ${shared.version}, the host requires ${mine.requiredVersion}`);
  }
  return found;
}
