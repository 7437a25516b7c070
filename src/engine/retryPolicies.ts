/** The retry policies a consumer can have, apart from the schema so the page can list them
 * without loading the schema library. */
export const RETRY_POLICIES = [
  'requeue',
  'reject',
  'fixed',
  'exponential',
  'full-jitter',
  'equal-jitter',
  'decorrelated-jitter',
] as const;
