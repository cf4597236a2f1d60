import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The hub serves dist/ at /; in dev, Vite proxies the API and the socket to a hub on :3000. */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      output: {
        // Stable, readable names for the chunks every console shares.
        advancedChunks: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            // mediasoup-client loads with the first media view, not with the console.
            { name: 'mediasoup', test: /node_modules[\\/](mediasoup-client|awaitqueue|h264-profile-level-id|sdp-transform|ua-parser-js|fake-mediastreamtrack|npm-events-package|queue-microtask)[\\/]/ },
            // hls.js loads with a secretary's "Nghe lại" player (LS12), never with a console.
            { name: 'hls', test: /node_modules[\\/]hls\.js[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
            { name: 'domain', test: /[\\/]shared[\\/]src[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'ws://localhost:3000', ws: true },
    },
  },
});
