// Bundled by esbuild for headless Chromium in the interop test. Plain JS: it runs in the page, where the
// server's tsconfig (no DOM types) does not apply. `window.signal(op, ...args)` is exposed by Playwright
// and calls the MediaRoom directly, standing in for the Socket.IO gateway.
import { Device } from 'mediasoup-client';

const state = { device: null, send: null, recv: null, producers: {}, consumers: {} };

async function device() {
  if (!state.device) {
    state.device = new Device();
    await state.device.load({ routerRtpCapabilities: await window.signal('caps') });
  }
  return state.device;
}

function wire(transport) {
  transport.on('connect', ({ dtlsParameters }, done, fail) => window.signal('connect', transport.id, dtlsParameters).then(() => done(), fail));
  transport.on('produce', ({ kind, rtpParameters, appData }, done, fail) =>
    window.signal('produce', transport.id, { kind, rtpParameters, appData }).then(({ producerId }) => done({ id: producerId }), fail));
  return transport;
}

async function publish() {
  const dev = await device();
  state.send = wire(dev.createSendTransport(await window.signal('createTransport', 'send')));
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 480, frameRate: 30 } });
  const video = await state.send.produce({ track: stream.getVideoTracks()[0], appData: { source: 'main' } });
  const audio = await state.send.produce({ track: stream.getAudioTracks()[0], appData: { source: 'mic' } });
  state.producers = { video, audio };
  return { video: video.id, audio: audio.id, handler: dev.handlerName };
}

async function consume(producerId) {
  const dev = await device();
  if (!state.recv) state.recv = wire(dev.createRecvTransport(await window.signal('createTransport', 'recv')));
  const info = await window.signal('consume', state.recv.id, producerId, dev.rtpCapabilities);
  const consumer = await state.recv.consume({ id: info.id, producerId: info.producerId, kind: info.kind, rtpParameters: info.rtpParameters });
  const element = document.createElement(info.kind === 'video' ? 'video' : 'audio');
  element.autoplay = true;
  element.muted = info.kind === 'video';
  element.srcObject = new MediaStream([consumer.track]);
  document.body.appendChild(element);
  await window.signal('resume', consumer.id);
  state.consumers[info.kind] = { consumer, element };
  return consumer.id;
}

function plain(report) {
  return [...report.values()].map((s) => ({ ...s }));
}

async function stats() {
  const out = {};
  for (const [kind, { consumer, element }] of Object.entries(state.consumers)) {
    out[kind] = { stats: plain(await consumer.getStats()), videoWidth: element.videoWidth ?? 0 };
  }
  if (state.send) out.send = plain(await state.send.getStats());
  return out;
}

window.sfuTest = { publish, consume, stats };
