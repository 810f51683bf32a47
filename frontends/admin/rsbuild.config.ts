import { defineConfig } from '@rsbuild/core';
import { appConfig } from '../build/federation';

// A remote: exposes its routes to the host, and also runs on its own (dev server) for working on it alone.
export default defineConfig(({ command }) =>
  appConfig('admin', command === 'dev', {
    name: 'admin',
    filename: 'remoteEntry.js',
    exposes: { './App': './src/App.tsx' },
  }),
);
