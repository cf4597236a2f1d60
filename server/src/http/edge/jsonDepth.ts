const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Watches the nesting of arrays and objects in UTF-8 JSON text as its bytes arrive, chunk by chunk: one pass,
 * no recursion and no allocation, so a body is refused at the byte where it goes too deep — before the rest is
 * read, long before JSON.parse (a body of two million `[` costs a loop over 33 bytes, not a parse, a deep object
 * graph and stack overflows in whatever walks it next: zod, pino). Brackets inside strings do not count; UTF-8
 * never puts these ASCII bytes inside a multi-byte character, and an escape may straddle two chunks. Malformed
 * text is left for JSON.parse to refuse.
 */
export class JsonDepthScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private tooDeep = false;

  constructor(private readonly maxDepth: number) {}

  /** Feeds the next bytes; true once the text has nested deeper than maxDepth (and from then on). */
  feed(bytes: Uint8Array): boolean {
    if (this.tooDeep) return true;
    let { depth, inString, escaped } = this;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (b === BACKSLASH) escaped = true;
        else if (b === QUOTE) inString = false;
      } else if (b === QUOTE) inString = true;
      else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
        depth++;
        if (depth > this.maxDepth) {
          this.tooDeep = true;
          return true;
        }
      } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) depth--;
    }
    Object.assign(this, { depth, inString, escaped });
    return false;
  }
}

/** True when the whole UTF-8 JSON text nests deeper than `maxDepth` (JsonDepthScanner over one chunk). */
export function nestsDeeperThan(bytes: Uint8Array, maxDepth: number): boolean {
  return new JsonDepthScanner(maxDepth).feed(bytes);
}
