import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium when present (machines that cannot download Playwright's browser),
// otherwise Playwright's own build.
const systemChromium = '/usr/bin/chromium';
const launchOptions = existsSync(systemChromium)
  ? {
      executablePath: systemChromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    }
  : {};

// E2E_PORT lets several checkouts run their suites at once on one machine.
const port = Number(process.env.E2E_PORT ?? 4173);
const subPathPort = port + 1;
export const SUB_PORT = subPathPort;
export const SUB_PATH = '/static/host/mq-sim/';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 720 },
    // The built app registers a service worker that caches every file (offline use). Specs run
    // without it, so each test's first load does not fetch the whole app a second time;
    // e2e/offline.spec.ts allows it.
    serviceWorkers: 'block',
    launchOptions,
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }],
  webServer: [
    {
      command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // The same dist/ served under a deep sub-path, as a static host would.
      command: `npx vite preview --host 127.0.0.1 --port ${subPathPort} --strictPort --base ${SUB_PATH}`,
      url: `http://127.0.0.1:${subPathPort}${SUB_PATH}`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
