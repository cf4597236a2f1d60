import { defineConfig } from 'vite';

/**
 * The viewer page (issue 13) is a build of its own, after the consoles' and the organiser's, into the same dist/:
 * a commune's screen loads hls.js and this page only — no React, no Socket.IO, no mediasoup-client.
 */
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    manifest: '.vite/viewer-manifest.json',
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      input: { viewer: 'viewer.html' },
      output: {
        entryFileNames: 'assets/viewer/[name]-[hash].js',
        chunkFileNames: 'assets/viewer/[name]-[hash].js',
        assetFileNames: 'assets/viewer/[name]-[hash][extname]',
      },
    },
  },
});
