import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/** Where the renderer finds pdf.js's image decoders (the `wasmUrl` option of EvidencePreview.tsx). */
const PDFJS_DECODERS_PATH = 'pdfjs/';

/**
 * pdf.js decodes JBIG2, CCITT fax and JPEG 2000 images with separate decoder modules it imports at
 * run time from `wasmUrl`, under fixed names. These are the plain-JavaScript builds (no WebAssembly, so
 * the CSP needs no 'wasm-unsafe-eval'), copied as-is next to the bundle, with their licences.
 */
const PDFJS_DECODERS = [
  'jbig2_nowasm_fallback.js',
  'openjpeg_nowasm_fallback.js',
  'LICENSE_JBIG2',
  'LICENSE_OPENJPEG',
  'LICENSE_PDFJS_JBIG2',
  'LICENSE_PDFJS_OPENJPEG',
];
const decoderFile = (name: string) => resolve(__dirname, 'node_modules/pdfjs-dist/wasm', name);

function pdfjsDecoders(): Plugin {
  return {
    name: 'amparo-pdfjs-decoders',
    generateBundle() {
      for (const name of PDFJS_DECODERS) {
        this.emitFile({
          type: 'asset',
          fileName: `${PDFJS_DECODERS_PATH}${name}`,
          source: readFileSync(decoderFile(name)),
        });
      }
    },
    configureServer(server) {
      server.middlewares.use(`/${PDFJS_DECODERS_PATH}`, (req, res, next) => {
        const name = (req.url ?? '').replace(/^\//, '').split('?')[0] ?? '';
        if (!PDFJS_DECODERS.includes(name) || !name.endsWith('.js')) return next();
        res.setHeader('content-type', 'text/javascript; charset=utf-8');
        res.end(readFileSync(decoderFile(name)));
      });
    },
  };
}

// Three bundles: the main process (plus the `amparo` command line, which shares the core),
// the sandboxed preload (one self-contained CommonJS file, as sandboxed preloads require),
// and the renderer.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          cli: resolve(__dirname, 'electron/cli/index.ts'),
          // search inside the evidence: the worker thread the extraction queue starts (found beside the bundle)
          'extraction-worker': resolve(__dirname, 'electron/core/extraction/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), pdfjsDecoders()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
