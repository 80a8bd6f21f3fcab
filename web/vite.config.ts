import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// The API listens on :3000 under `npm start`; the dev server forwards /api there so the app stays same-origin.
const api = process.env.CHISO_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [solid()],
  server: { proxy: { '/api': { target: api, changeOrigin: false } } },
  build: {
    target: 'es2022',
    sourcemap: true,
    // The Solid transform dominates every build; a warning saying so on each `npm start` is noise.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
