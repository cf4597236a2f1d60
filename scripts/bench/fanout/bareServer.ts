// The baseline: a bare Socket.IO server that only rebroadcasts a payload to everyone in one room. With
// REDIS_URL (bench:cluster), a node of a bare cluster on the same Redis streams adapter as the hub.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';

const http = createServer();
const redisUrl = process.env.REDIS_URL;
// The heartbeat the hub is run with, when the bench gives it (each socket costs a ping per interval).
const ping = process.env.SOCKET_PING_INTERVAL_MS ? { pingInterval: Number(process.env.SOCKET_PING_INTERVAL_MS), pingTimeout: Number(process.env.SOCKET_PING_TIMEOUT_MS) } : {};
const io = new Server(http, { serveClient: false, ...ping, ...(redisUrl ? { adapter: createAdapter(new Redis(redisUrl)) } : {}) });
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
// A clean exit on SIGINT, so --cpu-prof can write its profile.
process.once('SIGINT', () => process.exit(0));
