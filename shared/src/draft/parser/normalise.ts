/**
 * Text normalisation before any structure is looked for. Line breaks are kept one for one,
 * so a line number found later is the line number the author sees in an editor.
 */

/** Spaces that word processors and web pages put where a plain space was meant. */
const ODD_SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/** Invisible characters: zero-width marks, byte-order mark, soft hyphen, word joiner. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/g;
/** C0/C1 controls other than the line feed (form feeds come from PDF page breaks). */
const CONTROLS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;
const LINE_BREAKS = /\r\n|\r|\u2028|\u2029|\u0085/g;

/** NFC text, `\n` line breaks, single spaces, no invisible characters, every line trimmed. */
export function normaliseText(text: string): string {
  return text
    .replace(LINE_BREAKS, '\n')
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(ODD_SPACES, ' ')
    .replace(CONTROLS, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n');
}

/** True when most letters of the text are capitals ("QUYỀN CON NGƯỜI,"). */
export function isMostlyUpper(text: string): boolean {
  const letters = text.match(/\p{L}/gu);
  if (!letters || letters.length < 2) return false;
  const upper = letters.filter((ch) => ch !== ch.toLowerCase() && ch === ch.toUpperCase()).length;
  return upper / letters.length >= 0.8;
}

export function startsUpper(text: string): boolean {
  return /^\p{Lu}/u.test(text);
}

export function wordCount(text: string): number {
  return text.split(' ').filter((w) => w.length > 0).length;
}

/** Cuts text to a schema limit without splitting a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
