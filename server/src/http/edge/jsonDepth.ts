const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * True when the UTF-8 JSON text nests arrays and objects deeper than `maxDepth`. One pass over the bytes,
 * no recursion and no allocation, so it runs before JSON.parse: a body of two million `[` costs a loop,
 * not a parse, a deep object graph and stack overflows in whatever walks it next (zod, pino). Brackets
 * inside strings do not count; UTF-8 never puts these ASCII bytes inside a multi-byte character. Malformed
 * text is left for JSON.parse to refuse.
 */
export function nestsDeeperThan(bytes: Uint8Array, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) inString = true;
    else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
      depth++;
      if (depth > maxDepth) return true;
    } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) depth--;
  }
  return false;
}
