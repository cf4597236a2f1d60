import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { TestHub } from '../testing/testHub';
import { serveMetrics } from './metricsRoute';

const DEPLOY = resolve(__dirname, '../../../deploy');
/** The metric names an expression names (ours, Node's and the process's), histogram suffixes taken off. */
const namesIn = (text: string): string[] =>
  [...new Set([...text.matchAll(/\b(diemcau_\w+|nodejs_\w+|process_\w+)/g)].map((m) => (m[1] ?? '').replace(/_(bucket|count|sum)$/, '')))];

const TOKEN = 'metrics-token-0123456789abcdef';

/** One sample of a Prometheus text exposition: `name{a="x",b="y"} value`, labels matched as given (others ignored). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  let total: number | undefined;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const labelText = line.slice(name.length).split('} ')[0] ?? '';
    if (!wanted.every((w) => labelText.includes(w))) continue;
    total = (total ?? 0) + Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return total;
}

describe('GET /metrics: the hub in the Prometheus format', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await TestHub.start({ metricsToken: TOKEN, quotas: { sessionCommands: { perS: 5, burst: 20 } } });
  });
  afterAll(() => hub.stop());
  const scrape = async () => {
    const res = await fetch(`${hub.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    return res.text();
  };

  it('OP3: answers only a bearer of METRICS_TOKEN, and is absent (404) when none is configured', async () => {
    expect((await fetch(`${hub.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${hub.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789abc' } })).status).toBe(401);
    const bare = await TestHub.start();
    try {
      expect((await fetch(`${bare.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    } finally {
      await bare.stop();
    }
  });

  it('OP3: the figures move as a conference runs: sockets, commands by type and outcome, ack, append and fan-out times, syncs, refusals, log length, ownership, event-loop lag', async () => {
    const { conferenceId, joinCodes } = await hub.createConference();
    const conference = { conference: conferenceId };
    const before = await scrape();
    expect(sample(before, 'diemcau_sockets', conference)).toBeUndefined();
    const chair = await hub.join(joinCodes, { role: 'chair' });
    const secretary = await hub.join(joinCodes, { role: 'secretary' });
    const during = await scrape();
    expect(sample(during, 'diemcau_sockets', { role: 'chair', ...conference })).toBe(1);
    expect(sample(during, 'diemcau_sockets', { role: 'secretary', ...conference })).toBe(1);
    expect(sample(during, 'diemcau_syncs_total')).toBeGreaterThanOrEqual((sample(before, 'diemcau_syncs_total') ?? 0) + 2);

    for (let i = 0; i < 5; i += 1) expect((await secretary.command({ type: 'comment.log', kind: 'agree', text: `Ý kiến ${i} về Điều 2` })).ok).toBe(true);
    expect((await secretary.send({ commandId: randomUUID(), conferenceId, type: 'comment.log', kind: 'nonsense' })).ok).toBe(false);
    // Past the session's burst: refused COMMANDS_TOO_FAST.
    const flood = await Promise.all(Array.from({ length: 30 }, () => chair.command({ type: 'queue.close' })));
    const tooFast = flood.filter((r) => !r.ok && r.error.code === 'RATE_LIMITED').length;
    expect(tooFast).toBeGreaterThan(0);

    const after = await scrape();
    const grew = (name: string, labels: Record<string, string> = {}) => (sample(after, name, labels) ?? 0) - (sample(during, name, labels) ?? 0);
    expect(grew('diemcau_commands_total', { type: 'comment.log', outcome: 'ok' })).toBe(5);
    expect(grew('diemcau_commands_total', { outcome: 'INVALID' })).toBe(1);
    expect(grew('diemcau_commands_total', { type: 'queue.close', outcome: 'RATE_LIMITED' })).toBe(tooFast);
    expect(grew('diemcau_quota_refusals_total', { reason: 'COMMANDS_TOO_FAST' })).toBe(tooFast);
    expect(grew('diemcau_command_ack_seconds_count')).toBe(36);
    expect(grew('diemcau_append_seconds_count')).toBeGreaterThanOrEqual(5);
    expect(grew('diemcau_fanout_seconds_count')).toBeGreaterThanOrEqual(5);
    expect(sample(after, 'diemcau_log_events', conference)).toBe(secretary.state?.seq);
    expect(sample(after, 'diemcau_conference_owned', conference)).toBe(1);
    expect(sample(after, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(after).toContain(`node="${hub.hub.hub.nodeId}"`);

    // What the shipped dashboard and alert rules ask for exists (a renamed metric would leave them blank or silent).
    const exposed = new Set([...after.matchAll(/^# TYPE (\w+)/gm)].map((m) => m[1]));
    for (const file of ['grafana/diem-cau.json', 'prometheus/alerts.yml']) {
      const names = namesIn(readFileSync(resolve(DEPLOY, file), 'utf8'));
      expect(names.length).toBeGreaterThan(3);
      expect(names.filter((n) => !exposed.has(n))).toEqual([]);
    }

    secretary.close();
    await new Promise((r) => setTimeout(r, 200));
    const left = await scrape();
    expect(sample(left, 'diemcau_sockets', { role: 'secretary', ...conference })).toBeUndefined();
    expect(sample(left, 'diemcau_sockets', { role: 'chair', ...conference })).toBe(1);
  });

  it('OP3: METRICS_PORT serves the same figures on a port of their own, without a token, and nothing else', async () => {
    const server = await serveMetrics(hub.hub.metrics, 0, '127.0.0.1');
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const res = await fetch(`${base}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('diemcau_commands_total');
      expect((await fetch(`${base}/`)).status).toBe(404);
      expect((await fetch(`${base}/api/conferences`)).status).toBe(404);
    } finally {
      server.close();
    }
  });
});
