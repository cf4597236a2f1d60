// One client process of bench:commands: opens its sockets, then each socket sends a command, waits for the
// ack and sends the next (a closed loop, like a secretary typing as fast as the hub answers). Every
// REPORT_MS it tells the parent how many acks it received, per conference. It stops when told to.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { connectOne } from '../fanout/rounds';

export interface LoadSocket { url: string; conferenceId: string; auth: object }
export interface LoadReport { type: 'acks'; byConference: Record<string, number>; refused: number; at: number }

const REPORT_MS = 500;
const TEXT = 'Đề nghị làm rõ trách nhiệm phối hợp giữa đảng đoàn và cấp ủy cùng cấp';

const commandFor = (conferenceId: string) => ({
  commandId: randomUUID(), conferenceId, type: 'comment.log', kind: 'amend', text: TEXT, articles: [{ article: 1 }], source: 'spoken',
});

async function loop(socket: Socket, conferenceId: string, counts: { acks: Record<string, number>; refused: number }, running: () => boolean): Promise<void> {
  while (running()) {
    const ack = (await socket.timeout(30_000).emitWithAck('command', commandFor(conferenceId))) as { ok: boolean; error?: unknown };
    if (ack.ok) counts.acks[conferenceId] = (counts.acks[conferenceId] ?? 0) + 1;
    else if ((counts.refused += 1) === 1) process.stderr.write(`first refusal: ${JSON.stringify(ack.error)}\n`);
  }
}

export async function runLoadClients(sockets: LoadSocket[]): Promise<void> {
  const connected = await Promise.all(sockets.map(async (s) => ({ socket: await connectOne(s.url, s.auth), conferenceId: s.conferenceId })));
  const counts = { acks: {} as Record<string, number>, refused: 0 };
  let running = true;
  process.on('message', (msg: { type?: string }) => {
    if (msg.type === 'stop') running = false;
  });
  const report = () => process.send?.({ type: 'acks', byConference: { ...counts.acks }, refused: counts.refused, at: Date.now() } satisfies LoadReport);
  process.send?.({ type: 'ready' });
  await new Promise<void>((resolve) => process.once('message', () => resolve()));
  const timer = setInterval(report, REPORT_MS);
  await Promise.all(connected.map((c) => loop(c.socket, c.conferenceId, counts, () => running).catch((e: unknown) => process.stderr.write(`${String(e)}\n`))));
  clearInterval(timer);
  report();
  for (const c of connected) c.socket.close();
}
