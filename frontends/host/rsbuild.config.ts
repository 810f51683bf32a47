import { defineConfig } from '@rsbuild/core';
import { appConfig, publicPath } from '../build/federation';

// The shell: it consumes the three remotes; their remoteEntry.js is fetched only when a route needs it.
export default defineConfig(({ command }) => {
  const dev = command === 'dev';
  const remote = (name: 'dashboard' | 'user' | 'admin') => `${name}@${publicPath(name, dev)}remoteEntry.js`;
  return appConfig('host', dev, {
    name: 'host',
    remotes: { dashboard: remote('dashboard'), user: remote('user'), admin: remote('admin') },
  });
});
