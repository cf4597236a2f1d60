import { isIPv6 } from 'node:net';
import type { Request } from 'express';

/** Expands an IPv6 address to its eight groups ("2001:db8::1" → 2001, db8, 0, …, 1); undefined if malformed. */
function groupsOf(ip: string): string[] | undefined {
  const [head = '', tail] = ip.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
  return [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right];
}

/**
 * The key a guesser is counted under (Q38): an IPv4 address as is (also when IPv4-mapped), an IPv6
 * address by its /64 — one subscriber holds a whole /64 and could otherwise take a fresh address per guess.
 */
export function addressKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(ip)) return ip;
  const groups = groupsOf(ip.split('%')[0] ?? ip);
  return groups ? `${groups.slice(0, 4).map((g) => Number.parseInt(g, 16).toString(16)).join(':')}::/64` : ip;
}

/** `req.ip` honours Express's `trust proxy`: behind nginx, the address nginx saw; else the socket's. */
export const clientAddress = (req: Request): string => addressKey(req.ip);
