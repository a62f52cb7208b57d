import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { resolve } from 'node:path';
import { rendererAlias } from './vite.renderer.config';

/**
 * The dev server injects an inline script (React Fast Refresh) and inline styles, and talks over a
 * WebSocket, which the page's strict CSP <meta> forbids. Relax it in `electron-vite dev` only;
 * builds keep it strict.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'penpal:relax-csp-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        // The dev server injects CSS as <style> elements.
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*"),
  };
}

/**
 * Builds the Electron app into `out/`: main (ESM, npm dependencies left external), the preload
 * (one CommonJS file: a sandboxed preload cannot load ES modules or other files), the renderer.
 */
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      // Everything it uses is bundled in; only `electron` stays a require().
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    base: './',
    plugins: [react(), relaxCspForDevServer()],
    resolve: { alias: rendererAlias },
    build: {
      // electron-vite leaves minification off; the renderer is large enough for it to matter.
      minify: true,
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') } },
    },
  },
});
