// A classic script, so it runs before the module scripts of the page (Q40). zod 4 reads this configuration
// when it builds a schema and, with jitless, never tries `new Function` to compile a faster parser. The hub's
// Content-Security-Policy refuses eval ('unsafe-eval' is not granted), and zod's try would otherwise be
// reported as a violation on every page load, the shared schemas being built before any module code runs.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
