import { z } from 'zod';
import { createMediasoupBackend, type MediasoupModule } from './mediasoup/mediasoupBackend';
import type { MediaNetworkOptions, SfuBackend } from './sfuBackend';
import { createWeriftBackend } from './werift/weriftBackend';

/** SFU_BACKEND: `auto` prefers the C++ mediasoup worker when it is installed and starts, else werift. */
export const SfuBackendChoiceSchema = z.enum(['auto', 'werift', 'mediasoup']);
export type SfuBackendChoice = z.infer<typeof SfuBackendChoiceSchema>;

export interface SfuBackendLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Loads mediasoup lazily: it is an optional dependency and pulls in a native worker binary. */
export const importMediasoup = (): Promise<MediasoupModule> => import('mediasoup');

export async function createSfuBackend(
  choice: SfuBackendChoice,
  network: MediaNetworkOptions,
  logger: SfuBackendLogger,
  loadMediasoup: () => Promise<MediasoupModule> = importMediasoup,
): Promise<SfuBackend> {
  if (choice === 'werift') return startWerift(network, logger);
  try {
    const backend = await createMediasoupBackend(await loadMediasoup(), network, (error) => {
      // A dead worker takes every conference's media with it; the process must be restarted.
      logger.error(`mediasoup worker died: ${String(error)}`);
    });
    logger.info('media: using the mediasoup SFU worker');
    return backend;
  } catch (error) {
    // An explicit choice must fail loudly rather than run a different SFU than configured.
    if (choice === 'mediasoup') throw new Error(`SFU_BACKEND=mediasoup but mediasoup could not start: ${describe(error)}`);
    logger.warn(`media: mediasoup unavailable (${describe(error)}); falling back to the werift SFU`);
    return startWerift(network, logger);
  }
}

async function startWerift(network: MediaNetworkOptions, logger: SfuBackendLogger): Promise<SfuBackend> {
  const backend = await createWeriftBackend(network);
  logger.info(`media: using the werift SFU on ${network.listenIp} ports ${network.portMin}-${network.portMax}`);
  return backend;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error);
}
