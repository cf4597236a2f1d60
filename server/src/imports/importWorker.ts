import { parentPort, workerData } from 'node:worker_threads';
import { ImportJobSchema, runImportJob } from './importJobs';
import { ParseLimitsSchema } from './parseLimits';
import { WorkerRequestSchema, type WorkerReply } from './workerProtocol';

/**
 * The entry of an import pool worker (bundled to server/dist/importWorker.cjs). It parses one job at a
 * time; the pool enforces the time and memory limits by ending this thread, so nothing here needs to.
 */
const port = parentPort;
if (!port) throw new Error('importWorker runs as a worker thread of the import pool');
const limits = ParseLimitsSchema.parse((workerData as { limits?: unknown } | null)?.limits);
const reply = (message: WorkerReply) => port.postMessage(message);

async function handle(message: unknown): Promise<void> {
  const request = WorkerRequestSchema.safeParse(message);
  if (!request.success) return;
  const { id } = request.data;
  reply({ type: 'started', id });
  const job = ImportJobSchema.safeParse(request.data.job);
  if (!job.success) return reply({ type: 'failed', id, message: 'invalid import job' });
  try {
    reply({ type: 'done', id, value: await runImportJob(job.data, limits) });
  } catch (error) {
    reply({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
  }
}

port.on('message', (message: unknown) => void handle(message));
