import type { NextFunction, Request, Response } from 'express';

/**
 * The policy the consoles and the organiser workspace run under (Q40), checked in Chromium by
 * e2e/securityHeaders.test.ts. Vite emits module scripts and stylesheets as files (no inline script);
 * React's `style` props go through the CSSOM, which style-src does not govern; join-sheet QR codes are
 * data: SVG images; media plays from MediaStreams (srcObject, no URL), so media-src needs no more than
 * blob:; the socket is same-origin, which 'self' covers for ws:/wss: (CSP 3); sw.js is a same-origin
 * worker. WebRTC itself is not governed by CSP.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** On every answer of the hub, pages and API alike; a route with a stricter policy (the print view) replaces it. */
export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', APP_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  // For browsers older than CSP's frame-ancestors.
  res.setHeader('X-Frame-Options', 'DENY');
  next();
}
