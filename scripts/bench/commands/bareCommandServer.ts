// The baseline of bench:commands: a bare Socket.IO server that acks each command and broadcasts one event
// of the size the hub would (the command wrapped as a stored event) to the sender's room. Nothing stored.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { serveClient: false });
const seqs = new Map<string, number>();

io.on('connection', (socket) => {
  const room = String((socket.handshake.auth as { room?: unknown }).room ?? 'room');
  void socket.join(room);
  socket.on('command', (command: { commandId?: string; type?: string } & Record<string, unknown>, ack: (r: unknown) => void) => {
    const seq = (seqs.get(room) ?? 0) + 1;
    seqs.set(room, seq);
    const { commandId, type: _type, conferenceId: _c, ...payload } = command;
    const event = { seq, type: 'comment.logged', at: Date.now(), actor: { role: 'secretary', sessionId: socket.id }, commandId, payload: { commentId: commandId, ...payload } };
    io.to(room).emit('events', [event]);
    ack({ ok: true, seq });
  });
});
http.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (http.address() as AddressInfo).port })}\n`);
});
process.once('SIGINT', () => process.exit(0));
