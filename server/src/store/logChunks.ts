/**
 * Both stores keep each conference's log also in chunks of this many events, one JSON array text each
 * (S8): a node folding a long log (a restart, a failover) reads and parses a hundred texts instead of
 * 100,000 rows or stream entries. The events stay the truth; a range without its chunk is read from them.
 */
export const LOG_CHUNK_EVENTS = 1_000;
