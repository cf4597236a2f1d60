// `node scripts/mediasoup/smokeWorker.mjs <worker binary>`: starts the worker under the installed mediasoup's own
// JavaScript and creates a router and a WebRTC transport on 127.0.0.1. A worker of another mediasoup version hangs
// in createWorker() without an error, hence the deadline.
import mediasoup from 'mediasoup';

const DEADLINE_MS = 15_000;
const workerBin = process.argv[2];
if (!workerBin) {
  console.error('usage: smokeWorker.mjs <mediasoup-worker binary>');
  process.exit(2);
}
const deadline = setTimeout(() => {
  console.error(`smoke test: no answer from ${workerBin} within ${DEADLINE_MS} ms (a worker of another mediasoup version than ${mediasoup.version}?)`);
  process.exit(1);
}, DEADLINE_MS);
try {
  const worker = await mediasoup.createWorker({ workerBin, logLevel: 'warn' });
  const router = await worker.createRouter({ mediaCodecs: [{ kind: 'audio', mimeType: 'audio/opus', clockRate: 48_000, channels: 2 }] });
  const transport = await router.createWebRtcTransport({ listenInfos: [{ protocol: 'udp', ip: '127.0.0.1' }] });
  console.error(`smoke test: mediasoup ${mediasoup.version} worker ${worker.pid} answered; transport on port ${transport.iceCandidates[0]?.port}`);
  worker.close();
  clearTimeout(deadline);
} catch (error) {
  console.error(`smoke test failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
