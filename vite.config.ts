import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, runnerImport, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import type * as Catalog from './src/scenarios/catalog';

/**
 * The presets' catalogue (src/scenarios/catalog.ts) as two modules made when the app is built
 * or served: `virtual:preset-catalog` (ids, groups, names, files; in the initial JavaScript) and
 * `virtual:preset-descriptions` (loaded after the first paint), so the preset documents
 * themselves load only when chosen (src/ui/presetLoader.ts). catalog.ts runs through Vite's
 * module runner, so this config imports no source file, and the presets are watched.
 */
function presetCatalog(): Plugin {
  const modules = {
    'virtual:preset-catalog': 'presetCatalog',
    'virtual:preset-descriptions': 'presetDescriptions',
  } as const;
  const isVirtual = (id: string): id is keyof typeof modules => Object.hasOwn(modules, id);
  let root = process.cwd();
  return {
    name: 'preset-catalog',
    configResolved(config) {
      root = config.root;
    },
    resolveId: (source) => (isVirtual(source) ? `\0${source}` : undefined),
    async load(id) {
      const name = id.slice(1);
      if (!id.startsWith('\0') || !isVirtual(name)) return undefined;
      const { module, dependencies } = await runnerImport<typeof Catalog>(
        resolve(root, 'src/scenarios/catalog.ts'),
      );
      for (const file of dependencies) if (file.endsWith('.json')) this.addWatchFile(file);
      return `export default ${JSON.stringify(module[modules[name]]())};`;
    },
  };
}

/**
 * The Content-Security-Policy of the built page (docs/sharing.md): no inline script or style,
 * nothing from another origin. blob: and data: for images, media and workers, which exports (PNG
 * through blob: URLs, recordings) and a worker may use. A <meta> so any static host serves it;
 * builds only, because the dev server's React refresh needs an inline script.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * The service worker for offline use (docs/lessons.md): src/offline/serviceWorker.js with the
 * list of every file this build writes (hashed scripts and styles, preset and lesson chunks,
 * the page) and a version made from those names, written as sw.js next to index.html. Builds
 * only: the dev server has no fixed list of files. main.tsx registers it in builds only.
 */
function offlineCache(): Plugin {
  let root = process.cwd();
  return {
    name: 'offline-cache',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      root = config.root;
    },
    generateBundle(_options, bundle) {
      const files = [...new Set([...Object.keys(bundle), 'index.html'])]
        .filter((f) => f !== 'sw.js' && !f.endsWith('.map'))
        .sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const template = readFileSync(resolve(root, 'src/offline/serviceWorker.js'), 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: template
          .replace("'__VERSION__'", JSON.stringify(version))
          .replace("['__FILES__']", JSON.stringify(['./', ...files])),
      });
    },
  };
}

// base './' makes every asset URL relative, so dist/ works from any sub-path of a static host.
export default defineConfig({
  base: './',
  plugins: [react(), presetCatalog(), contentSecurityPolicy(), offlineCache()],
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      // The engine's modules have no side effects (it is pure by design, lint-enforced), so a
      // module whose exports the page does not use at first (the validators, valibot and the
      // schemas: src/store/validators.ts) can stay out of the initial chunk.
      treeshake: {
        moduleSideEffects: [{ test: /[\\/]src[\\/]engine[\\/]/, sideEffects: false }],
      },
    },
  },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
});
