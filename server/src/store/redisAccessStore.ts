import type { Redis } from 'ioredis';
import type { AccessStore, JoinCode, ReportLink, Session } from './accessStore';

/** Join codes, sessions and report links shared by every hub node; sessions and links expire with their TTL. */
export function openRedisAccessStore(redis: Redis, prefix = 'dc'): AccessStore {
  const codeKey = (code: string) => `${prefix}:code:${code}`;
  const listKey = (conferenceId: string) => `${prefix}:codes:${conferenceId}`;
  const sessionKey = (hash: string) => `${prefix}:session:${hash}`;
  const linkKey = (hash: string) => `${prefix}:report-link:${hash}`;
  return {
    addJoinCodes: async (codes) => {
      const tx = redis.multi();
      for (const c of codes) tx.set(codeKey(c.code), JSON.stringify(c)).rpush(listKey(c.conferenceId), c.code);
      await tx.exec();
    },
    findJoinCode: async (code) => {
      const v = await redis.get(codeKey(code));
      return v ? (JSON.parse(v) as JoinCode) : undefined;
    },
    listJoinCodes: async (conferenceId) => {
      const codes = await redis.lrange(listKey(conferenceId), 0, -1);
      const values = codes.length === 0 ? [] : await redis.mget(...codes.map(codeKey));
      return values.filter((v): v is string => v !== null).map((v) => JSON.parse(v) as JoinCode);
    },
    revokeJoinCode: async (code) => {
      const v = await redis.get(codeKey(code));
      if (!v) return false;
      const c = JSON.parse(v) as JoinCode;
      if (c.revoked) return false;
      await redis.set(codeKey(code), JSON.stringify({ ...c, revoked: true }));
      return true;
    },
    saveSession: async (hash, s: Session) => {
      await redis.set(sessionKey(hash), JSON.stringify(s), 'PX', Math.max(1, s.expiresAt - Date.now()));
    },
    findSession: async (hash) => {
      const v = await redis.get(sessionKey(hash));
      return v ? (JSON.parse(v) as Session) : undefined;
    },
    // Redis drops sessions and links itself when they expire (their keys carry a TTL, Q39).
    deleteExpired: async () => 0,
    saveReportLink: async (hash, link: ReportLink) => {
      await redis.set(linkKey(hash), JSON.stringify(link), 'PX', Math.max(1, link.expiresAt - Date.now()));
    },
    takeReportLink: async (hash) => {
      const v = await redis.getdel(linkKey(hash));
      return v ? (JSON.parse(v) as ReportLink) : undefined;
    },
  };
}
