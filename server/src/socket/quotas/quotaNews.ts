import { z } from 'zod';

/**
 * What one hub node tells the others of its sessions' quotas (Q55): the tokens they took from each budget since
 * its last news, and how many sockets each session and join code holds on it now. Keys are the quota keys
 * (`s:<session>`, `c:<code>`, `p:<conference>:<point>`, `y:<session>`, `n:<code>`), never a token.
 */
export interface QuotaNews {
  /** Tokens taken since the last news, by budget key. */
  spent?: Record<string, number>;
  /** Sockets held on the node now, by key; with `full`, every key it holds (keys it does not name hold none). */
  sockets?: Record<string, number>;
  full?: boolean;
  /** A node that just joined (or heard nothing for a while) asks the others for their full socket counts. */
  hello?: boolean;
  /** A node stopping: its sockets no longer count. */
  bye?: boolean;
}

const Key = z.string().min(3).max(300);
const Count = z.number().int().min(0).max(1_000_000_000);

export const QuotaNewsSchema = z.object({
  spent: z.record(Key, Count).optional(),
  sockets: z.record(Key, Count).optional(),
  full: z.boolean().optional(),
  hello: z.boolean().optional(),
  bye: z.boolean().optional(),
}).strict();

/** The other hub nodes, as the quotas hear them: Redis pub/sub in a cluster (cluster/quotaShare.ts). */
export interface QuotaShare {
  /** Whether it went out: news told while the other nodes cannot be reached are lost. */
  tell(news: QuotaNews): boolean;
  /** News from the other nodes (never this one's own), with the sender's node id. */
  listen(listener: (from: string, news: QuotaNews) => void): void;
  close(): Promise<void>;
}
