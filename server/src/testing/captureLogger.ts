import pino, { type Logger } from 'pino';

/** A pino logger whose lines a test can read back (parsed), to check what was and was not logged. */
export function captureLogger(level = 'info'): { logger: Logger; lines: Array<Record<string, unknown>>; text: () => string } {
  const raw: string[] = [];
  const logger = pino({ level }, { write: (line: string) => void raw.push(line) });
  return {
    logger,
    get lines() {
      return raw.map((l) => JSON.parse(l) as Record<string, unknown>);
    },
    text: () => raw.join(''),
  };
}
