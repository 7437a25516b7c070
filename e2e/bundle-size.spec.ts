/**
 * Initial JavaScript stays small enough for school networks: ≤ 150 KB gzipped (issue 6). Reads
 * the dist/ that the Playwright web server serves, so it runs in `npm test` after the build.
 */
import { expect, test } from '@playwright/test';
import { INITIAL_JS_LIMIT_BYTES, initialJsSize } from '../bench/ui/bundleSize';

test('initial JavaScript is at most 150 KB gzipped', () => {
  const size = initialJsSize('dist');
  expect(size.files.length).toBeGreaterThan(0);
  console.log(`initial JS gzipped: ${(size.gzipBytes / 1024).toFixed(1)} KB`);
  expect(size.gzipBytes).toBeLessThanOrEqual(INITIAL_JS_LIMIT_BYTES);
});
