// Vite builds the UI into web/dist, which `sitrep serve` serves. `npx vite web` runs a dev server
// that proxies /api to a `sitrep serve` on port 8080.
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
