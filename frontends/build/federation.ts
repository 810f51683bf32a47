// One place for what every app's build agrees on: ports, where each remote is served, and the shared singletons.
import { pluginModuleFederation, type ModuleFederationOptions } from '@module-federation/rsbuild-plugin';
import { pluginReact } from '@rsbuild/plugin-react';
import type { RsbuildConfig } from '@rsbuild/core';

export type AppName = 'host' | 'dashboard' | 'user' | 'admin';

/** Dev-mode ports (each app on its own dev server). 3001 is left free for the gateway in front of them if wanted. */
export const ports: Record<AppName, number> = { host: 3000, dashboard: 3002, user: 3003, admin: 3004 };

/** The gateway the dev servers proxy /api to (DevHost's default; override with GATEWAY_URL). */
const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:8080';

/**
 * Where an app's files are served from. Built: one origin, the gateway, host at / and remotes under
 * /remotes/<name>/. Dev: each app's own dev server.
 */
export function publicPath(app: AppName, dev: boolean): string {
  if (dev) return `http://localhost:${ports[app]}/`;
  return app === 'host' ? '/' : `/remotes/${app}/`;
}

/**
 * Singletons: one React, one router and one shared library (one auth session, one API client) on the page,
 * whichever app loaded them first. requiredVersion makes a remote built against an incompatible major fail
 * loudly in the console rather than run with two Reacts.
 */
export const shared: ModuleFederationOptions['shared'] = {
  react: { singleton: true, requiredVersion: '^19.3.0' },
  'react/jsx-runtime': { singleton: true, requiredVersion: '^19.3.0' },
  'react-dom': { singleton: true, requiredVersion: '^19.3.0' },
  'react-dom/client': { singleton: true, requiredVersion: '^19.3.0' },
  'react-router': { singleton: true, requiredVersion: '^7.18.0' },
  '@shop/shared': { singleton: true, requiredVersion: '^1.0.0' },
};

export function appConfig(app: AppName, dev: boolean, federation: ModuleFederationOptions): RsbuildConfig {
  return {
    plugins: [
      pluginReact(),
      pluginModuleFederation({ name: app, shared, dts: false, ...federation }),
    ],
    source: { entry: { index: './src/index.ts' } },
    html: { title: 'Nimbus Store', template: '../build/index.html' },
    output: {
      // Remotes resolve their chunks relative to their own remoteEntry.js ('auto'), so one build can be copied
      // into an immutable versioned folder (/releases/<app>/<version>/) and still load from there.
      assetPrefix: app === 'host' ? publicPath(app, false) : 'auto',
      // Only a build replaces dist/: a dev server must not wipe what the gateway is serving.
      cleanDistPath: !dev,
      // Hashed names: the gateway caches them for a year; index.html and remoteEntry.js are never cached.
      filenameHash: true,
    },
    dev: { assetPrefix: publicPath(app, true) },
    server: {
      port: ports[app],
      strictPort: true,
      // Remotes are fetched cross-origin by the host dev server (3000) in dev mode.
      cors: { origin: [/^http:\/\/(localhost|127\.0\.0\.1):30\d\d$/] },
      historyApiFallback: true,
      proxy: { '/api': gateway, '/.well-known': gateway },
    },
    performance: { chunkSplit: { strategy: 'split-by-experience' } },
  };
}
