import { z } from 'zod';
import { createMediasoupBackend, type MediasoupModule, type MediasoupWorkerOptions } from './mediasoup/mediasoupBackend';
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

/** Loads mediasoup lazily: werift-only runs never load it (nor look for its worker binary). */
export const importMediasoup = (): Promise<MediasoupModule> => import('mediasoup');

export interface SfuBackendFactoryOptions {
  /** How mediasoup's module is loaded (tests replace it). */
  loadMediasoup?: () => Promise<MediasoupModule>;
  /** Which worker binary, and how long it may take to start. */
  mediasoup?: MediasoupWorkerOptions;
}

export async function createSfuBackend(
  choice: SfuBackendChoice,
  network: MediaNetworkOptions,
  logger: SfuBackendLogger,
  options: SfuBackendFactoryOptions = {},
): Promise<SfuBackend> {
  if (choice === 'werift') return startWerift(network, logger);
  const loadMediasoup = options.loadMediasoup ?? importMediasoup;
  try {
    const onWorkerDied = (error: unknown) => {
      // A dead worker takes every conference's media with it; the process must be restarted.
      logger.error(`mediasoup worker died: ${String(error)}`);
    };
    const mediasoup = await loadMediasoup();
    const backend = await createMediasoupBackend(mediasoup, network, onWorkerDied, options.mediasoup);
    const workerBin = options.mediasoup?.workerBin ?? mediasoup.workerBin;
    const why = choice === 'auto' ? 'SFU_BACKEND=auto and its worker started' : 'SFU_BACKEND=mediasoup';
    logger.info(`media: using the mediasoup SFU ${mediasoup.version} (${why}; worker ${workerBin}) on ${network.listenIp} ports ${network.portMin}-${network.portMax}`);
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
