import { createServer, type Server } from 'node:http';
import type { Request, Response } from 'express';
import { bearer, isAdminToken } from '../http/auth';
import { sendError } from '../http/httpErrors';
import type { HubMetrics } from './hubMetrics';

/**
 * `GET /metrics` on the hub's own port: only with `Authorization: Bearer <METRICS_TOKEN>`; without a token
 * configured the route does not exist (404), so the figures are never public by accident.
 */
export function metricsRoute(metrics: HubMetrics, token: string | undefined) {
  return async (req: Request, res: Response) => {
    if (!token) return sendError(res, { code: 'NOT_FOUND', message: 'Không có trang này' });
    if (!isAdminToken(bearer(req), token)) return sendError(res, { code: 'UNAUTHORIZED', message: 'Cần mã đọc số liệu (METRICS_TOKEN)' });
    res.setHeader('Content-Type', metrics.registry.contentType).setHeader('Cache-Control', 'no-store').send(await metrics.scrape());
  };
}

/** `METRICS_PORT`: the figures on a port of their own (bound to `METRICS_HOST`, loopback by default), without a token. */
export function serveMetrics(metrics: HubMetrics, port: number, host: string): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    metrics.scrape().then(
      (text) => res.writeHead(200, { 'Content-Type': metrics.registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
