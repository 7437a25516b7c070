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

// base './' makes every asset URL relative, so dist/ works from any sub-path of a static host.
export default defineConfig({
  base: './',
  plugins: [react(), presetCatalog(), contentSecurityPolicy()],
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
