import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app is built to `dist`, which the server serves at `/` (with a fallback to index.html
 * for client-side routes). In development `vite` proxies the API to a local `haven start`.
 */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080' },
    },
  },
});
