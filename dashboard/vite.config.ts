import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

const HUB = process.env.HUB_URL ?? 'http://127.0.0.1:3000';
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [svelte()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      '/api': { target: HUB, changeOrigin: false },
      '/socket.io': { target: HUB, ws: true },
      '/healthz': { target: HUB },
      '/metrics': { target: HUB },
    },
  },
  preview: {
    proxy: {
      '/api': { target: HUB },
      '/socket.io': { target: HUB, ws: true },
      '/healthz': { target: HUB },
    },
  },
  test: {
    root,
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
