import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The organiser workspace is a build of its own, run after the consoles' one into the same dist/:
 * `vite build && vite build --config src/organiser/vite.config.ts` (from client/). Sharing chunks
 * with the consoles would move the draft parser and the QR encoder, which only organisers use,
 * into chunks every console loads (measured: +17 KB gzipped of JavaScript per console).
 */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    // The consoles' .vite/manifest.json (read by the bundle budget test) stays theirs.
    manifest: '.vite/organiser-manifest.json',
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      input: { organiser: 'organiser.html' },
      output: {
        entryFileNames: 'assets/organiser/[name]-[hash].js',
        chunkFileNames: 'assets/organiser/[name]-[hash].js',
        assetFileNames: 'assets/organiser/[name]-[hash][extname]',
        advancedChunks: { groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }] },
      },
    },
  },
});
