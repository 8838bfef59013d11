import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { fullCalendarCssFiles } from './fullcalendar-css.ts';

// The pages' bundles, one entry point each, into the server's wwwroot/app (not committed).
// The server finds each entry's hashed files through the manifest (.vite/manifest.json).
export const outDir = fileURLToPath(new URL('../SharedHotline.Server/wwwroot/app', import.meta.url));

export default defineConfig({
  base: '/app/',
  plugins: [fullCalendarCssFiles()],
  publicDir: false,
  build: {
    outDir,
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      input: {
        citizen: 'src/citizen/main.ts',
        agent: 'src/agent/main.ts',
        coordinator: 'src/coordinator/main.ts',
        login: 'src/login/main.ts',
        admin: 'src/admin/main.ts',
        statistics: 'src/statistics/main.ts',
        site: 'src/site/main.ts',
      },
    },
  },
});
