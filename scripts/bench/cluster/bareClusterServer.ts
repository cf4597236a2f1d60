// The baseline for bench:cluster: a bare Socket.IO node on the same Redis streams adapter as the hub, which
// only rebroadcasts what it is sent to everyone in one room, on every node.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { serveClient: false, adapter: createAdapter(new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')) });
io.on('connection', (socket) => {
  void socket.join('room');
  socket.on('command', (payload: unknown, ack: (r: unknown) => void) => {
    io.to('room').emit('events', payload);
    ack({ ok: true });
  });
});
http.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (http.address() as AddressInfo).port })}\n`);
});
process.once('SIGINT', () => process.exit(0));
