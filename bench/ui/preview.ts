/**
 * Serve the built dist/ with `vite preview` for the benchmark, and stop it afterwards. Vite's
 * own script is run with this Node (not through npx), so stopping the child stops the server.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const VITE = 'node_modules/vite/bin/vite.js';

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

export async function startPreview(
  port: number,
  outDir = 'dist',
): Promise<{ url: string; stop(): void }> {
  if (!existsSync(`${outDir}/index.html`))
    throw new Error(`no ${outDir}/: run \`npx vite build\` first`);
  const url = `http://127.0.0.1:${port}/`;
  // Never measure whatever else is listening there.
  if (await answers(url)) throw new Error(`port ${port} is already in use`);
  const child = spawn(
    process.execPath,
    [
      VITE,
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
      '--outDir',
      outDir,
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    if (await answers(url)) return { url, stop: () => child.kill() };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`vite preview did not start on ${url}`);
}
