import { stateFromJson, type ConferenceState } from '@diem-cau/shared';

/**
 * The state a sync answer's snapshot carries (gzip-compressed JSON, see SnapshotOnWire), inflated by the
 * browser's DecompressionStream while the page stays responsive. Rejects on bytes that are not that.
 */
export async function snapshotState(gzip: Uint8Array): Promise<ConferenceState> {
  const inflated = new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(gzip as Uint8Array<ArrayBuffer>); // a socket's bytes are never a SharedArrayBuffer
      controller.close();
    },
  }).pipeThrough(new DecompressionStream('gzip'));
  const reader = inflated.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true });
  text += decoder.decode();
  return stateFromJson(JSON.parse(text));
}
