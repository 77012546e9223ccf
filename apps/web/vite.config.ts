/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

export default defineConfig({
  // Brotli and gzip copies of every text asset, served by the API as the browser accepts (apps/api/src/web/web-app.ts).
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'] })],
  // The shared domain (kinds, stages, permissions, link policy) straight from its TypeScript source.
  resolve: {
    alias: {
      '@spiraal/domain': fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url)),
      '@spiraal/search': fileURLToPath(new URL('../../libs/search/src/index.ts', import.meta.url)),
      // Comment anchoring only (it imports nothing but yjs): the rest of the collab lib stays out of the bundle.
      '@spiraal/collab/anchors': fileURLToPath(new URL('../../libs/collab/src/anchors.ts', import.meta.url)),
    },
  },
  // The lazily loaded editor chunk (TipTap, ProseMirror, Yjs) is ~540 kB before gzip; the first page is far smaller.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 600 },
  // Unit tests of the pure modules (docs/decisions/web-unit-tests.md): Node, no browser.
  test: { include: ['src/**/*.spec.ts'], environment: 'node' },
  server: { proxy: { '/graphql': 'http://localhost:3000', '/collab': { target: 'ws://localhost:3000', ws: true } } },
});
