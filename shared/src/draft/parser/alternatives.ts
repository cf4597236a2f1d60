import { numeralValue, ordinalValue } from './numerals';

/** A line that opens an alternative: "Phương án 1: …", "- PHƯƠNG ÁN 2.", "(Phương án thứ hai) …", "Phương án II –". */
export interface AlternativeMarker {
  number: number;
  /** The text after the marker on the same line. */
  text: string;
}

// Capital P (or all capitals): "theo phương án 1 …" inside a sentence is a mention, not a marker.
const MARKER = /^[-–•+*]?\s*(\(?)\s*(?:Phương án|PHƯƠNG ÁN)\s+(thứ\s+[\p{L}]+(?:\s+[\p{L}]+)?|[0-9]{1,2}|[IVX]{1,5})\s*(\)?)\s*(.*)$/u;
/** What may come between the number and the alternative's text. */
const AFTER = /^(?:\([^)]{0,120}\)\s*)?[:.\-–]?\s*/u;

function numberOf(word: string): number | undefined {
  if (/^thứ\s/u.test(word)) return ordinalValue(word.split(/\s+/).slice(1))?.value;
  return numeralValue(word);
}

export function alternativeMarker(text: string): AlternativeMarker | undefined {
  const match = MARKER.exec(text.trim());
  if (!match) return undefined;
  const [, opened = '', word = '', closed = '', rest = ''] = match;
  const number = numberOf(word);
  if (number === undefined || number > 50) return undefined;
  // "Phương án 1 của Ban soạn thảo được …": a sentence that merely starts with the words, not a marker.
  const separated = rest === '' || (opened !== '' && closed !== '') || /^[:.\-–(]/u.test(rest);
  if (!separated) return undefined;
  return { number, text: rest.replace(AFTER, '').trim() };
}
