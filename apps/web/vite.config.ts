import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: { proxy: { '/graphql': 'http://localhost:3000', '/collab': { target: 'ws://localhost:3000', ws: true } } },
});
