import type { ImportPoolOptions } from './importPool';
import { DEFAULT_PARSE_LIMITS } from './parseLimits';

/**
 * The import settings' defaults (config.ts reads the same numbers from the environment). One worker: an
 * import is an organiser's rare act, and the hub's second core belongs to the conferences. 20 s is ten
 * times what a 100-page draft takes; 512 MB of heap holds mammoth's tree of ~5 MB of XML.
 */
export const DEFAULT_IMPORT_POOL: Omit<ImportPoolOptions, 'script' | 'onWorkerLost'> = {
  workers: 1,
  timeoutMs: 20_000,
  memoryMb: 512,
  limits: DEFAULT_PARSE_LIMITS,
};
