import type { NextFunction, Request, Response } from 'express';

/**
 * The policy the consoles and the organiser workspace run under (Q40), checked in Chromium by
 * e2e/securityHeaders.test.ts. Vite emits module scripts and stylesheets as files (no inline script);
 * React's `style` props go through the CSSOM, which style-src does not govern; join-sheet QR codes are
 * data: SVG images; media plays from MediaStreams (srcObject, no URL), so media-src needs no more than
 * blob:; the socket is same-origin, which 'self' covers for ws:/wss: in CSP 3 browsers (the page's own
 * ws:// and wss:// host are named too, for those before it); sw.js is a same-origin worker; zod's eval
 * probe is turned off by /zod-jitless.js. WebRTC itself is not governed by CSP.
 */
function policy(wsSelf: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    `connect-src 'self'${wsSelf}`,
    "font-src 'self' data:",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A Host header fit to be named in the policy (anything else would be a way to write directives into it). */
const PLAIN_HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

export function cspFor(host: string | undefined): string {
  return policy(host && PLAIN_HOST.test(host) ? ` ws://${host} wss://${host}` : '');
}

/** On every answer of the hub, pages and API alike; a route with a stricter policy (the print view) replaces it. */
export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', cspFor(req.headers.host));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  // For browsers older than CSP's frame-ancestors.
  res.setHeader('X-Frame-Options', 'DENY');
  next();
}
