/**
 * Initial JavaScript of the built app, gzipped: every script the built index.html loads at once
 * (module entry points and modulepreload links; lazy chunks such as the golden trace are not
 * initial). Used by e2e/bundle-size.spec.ts (so `npm test` checks it) and runnable on its own:
 *
 *   npx tsx bench/ui/bundleSize.ts [distDir]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const INITIAL_JS_LIMIT_BYTES = 150 * 1024;

export interface BundleSize {
  files: { file: string; bytes: number; gzipBytes: number }[];
  gzipBytes: number;
}

export function initialJsSize(distDir = 'dist'): BundleSize {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const srcs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)) srcs.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g))
    srcs.add(m[1]!);
  const files = [...srcs].map((src) => {
    const data = readFileSync(join(distDir, src.replace(/^\.?\//, '')));
    return { file: src, bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length };
  });
  return { files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}

if (process.argv[1]?.endsWith('bundleSize.ts')) {
  const size = initialJsSize(process.argv[2] ?? 'dist');
  for (const f of size.files)
    console.log(
      `${f.file}  ${(f.bytes / 1024).toFixed(1)} KB  (gzip ${(f.gzipBytes / 1024).toFixed(1)} KB)`,
    );
  const ok = size.gzipBytes <= INITIAL_JS_LIMIT_BYTES;
  console.log(
    `initial JS gzipped: ${(size.gzipBytes / 1024).toFixed(1)} KB of ${INITIAL_JS_LIMIT_BYTES / 1024} KB: ${ok ? 'ok' : 'TOO BIG'}`,
  );
  process.exitCode = ok ? 0 : 1;
}
