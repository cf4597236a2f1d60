/**
 * Redis keys shared by the log and the cluster. A conference's keys share the hash tag `{id}`, so the
 * append script may read its owner lease atomically (and they would land on one Redis Cluster slot).
 */
export const ownerLeaseKey = (prefix: string, conferenceId: string) => `${prefix}:{${conferenceId}}:owner`;
export const ownerEpochKey = (prefix: string, conferenceId: string) => `${prefix}:{${conferenceId}}:epoch`;
