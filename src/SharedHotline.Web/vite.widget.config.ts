import { defineConfig } from 'vite';
import { outDir } from './vite.config.ts';

// The loader kommune websites include with one script tag: a classic script (no module) with a stable
// name, so it is built on its own as an IIFE into wwwroot/app/widget.js, next to the pages' bundles.
export default defineConfig({
  publicDir: false,
  build: {
    outDir,
    emptyOutDir: false,
    target: 'es2019',
    lib: {
      entry: 'src/widget/loader.ts',
      formats: ['iife'],
      name: 'SharedHotlineWidget',
      fileName: () => 'widget.js',
    },
  },
});
