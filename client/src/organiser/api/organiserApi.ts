import {
  BridgePointSetupSchema, DraftAlignmentSchema, DraftSchema, RoleSchema, stateFromJson, type ConferenceSetup, type ConferenceState, type Draft, type DraftAlignment,
} from '@diem-cau/shared';
import { z } from 'zod';
import type { AdminApi, ApiResult } from './http';

export const ConferenceSummarySchema = z.object({
  id: z.string(), title: z.string(), status: z.enum(['scheduled', 'live', 'ended']), archived: z.boolean(), seq: z.number(),
  scheduledAt: z.string().nullable(), venue: z.string().nullable(), timeZone: z.string().default('Asia/Ho_Chi_Minh'), points: z.number(), articles: z.number(), comments: z.number(), commentsRetracted: z.number().default(0), commentsMerged: z.number().default(0),
  startedAt: z.number().nullable(), endedAt: z.number().nullable(),
});
export type ConferenceSummary = z.infer<typeof ConferenceSummarySchema>;

export const JoinCodeSchema = z.object({
  code: z.string(), role: RoleSchema, label: z.string(), link: z.string(), pointId: z.string().optional(), revoked: z.boolean().optional(),
});
export type JoinCodeInfo = z.infer<typeof JoinCodeSchema>;

/**
 * The parser's warning, checked loosely: importing the parser's own schema would pull the whole
 * parser into the workspace's first load (it is only needed once a draft is previewed).
 */
export const DraftWarningSchema = z.object({ code: z.string(), line: z.number().int().positive(), message: z.string() });
export type DraftWarning = z.infer<typeof DraftWarningSchema>;

export const DraftImportSchema = z.object({
  draft: DraftSchema, warnings: z.array(DraftWarningSchema), text: z.string(),
  stats: z.object({ parts: z.number(), chapters: z.number(), sections: z.number(), articles: z.number() }),
});
export type DraftImport = z.infer<typeof DraftImportSchema>;

/** A revised draft as read, with the proposed mapping from the conference's draft (DA16). */
export const RevisionProposalSchema = DraftImportSchema.extend({ alignment: DraftAlignmentSchema });
export type RevisionProposal = z.infer<typeof RevisionProposalSchema>;

export const PointsImportSchema = z.object({
  points: z.array(BridgePointSetupSchema),
  warnings: z.array(z.object({ row: z.number(), message: z.string() })),
  stats: z.object({ rows: z.number(), points: z.number(), delegates: z.number() }),
});
export type PointsImport = z.infer<typeof PointsImportSchema>;

const CreatedSchema = z.object({ conferenceId: z.string(), joinCodes: z.array(JoinCodeSchema) });
const UpdatedSchema = z.object({ conference: ConferenceSummarySchema, joinCodes: z.array(JoinCodeSchema) });
const SessionSchema = z.object({ token: z.string().min(20), expiresAt: z.number() });
/** The state is the hub's own reducer output; only its envelope is checked here. */
const StateSchema = z.object({ seq: z.number(), state: z.custom<ConferenceState>((v) => typeof v === 'object' && v !== null && 'draft' in v) });

const enc = encodeURIComponent;

/** The organisers' HTTP API (admin token): one function per route, answers checked with zod. */
export function organiserApi(api: AdminApi) {
  return {
    /** For the few reads that take no organiser session: the audit trail is the chair's and the admin's (H9). */
    adminToken: () => api.token,
    list: async (): Promise<ApiResult<ConferenceSummary[]>> => {
      const r = await api.request(z.object({ conferences: z.array(ConferenceSummarySchema) }), 'GET', '/api/conferences');
      return r.ok ? { ok: true, value: r.value.conferences } : r;
    },
    create: (setup: ConferenceSetup) => api.request(CreatedSchema, 'POST', '/api/conferences', setup),
    update: (id: string, setup: ConferenceSetup) => api.request(UpdatedSchema, 'PUT', `/api/conferences/${enc(id)}`, setup),
    state: async (id: string): Promise<ApiResult<ConferenceState>> => {
      const r = await api.request(StateSchema, 'GET', `/api/conferences/${enc(id)}/state`);
      return r.ok ? { ok: true, value: stateFromJson(r.value.state) } : r;
    },
    joinCodes: async (id: string): Promise<ApiResult<JoinCodeInfo[]>> => {
      const r = await api.request(z.object({ joinCodes: z.array(JoinCodeSchema) }), 'GET', `/api/conferences/${enc(id)}/join-codes`);
      return r.ok ? { ok: true, value: r.value.joinCodes } : r;
    },
    reissue: async (id: string, role: JoinCodeInfo['role'], pointId?: string): Promise<ApiResult<JoinCodeInfo>> => {
      const body = { role, revokePrevious: true, ...(pointId ? { pointId } : {}) };
      const r = await api.request(z.object({ joinCode: JoinCodeSchema }), 'POST', `/api/conferences/${enc(id)}/join-codes`, body);
      return r.ok ? { ok: true, value: r.value.joinCode } : r;
    },
    revoke: (id: string, code: string) => api.request(z.object({ revoked: z.string() }), 'DELETE', `/api/conferences/${enc(id)}/join-codes/${enc(code)}`),
    organiserSession: (id: string) => api.request(SessionSchema, 'POST', `/api/conferences/${enc(id)}/organiser-session`),
    parseDraft: (file: File, title?: string) => {
      const form = new FormData();
      form.append('file', file, file.name);
      if (title) form.append('title', title);
      return api.request(DraftImportSchema, 'POST', '/api/drafts/parse', form);
    },
    proposeRevision: (id: string, file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.request(RevisionProposalSchema, 'POST', `/api/conferences/${enc(id)}/draft-revision/parse`, form);
    },
    confirmRevision: (id: string, draft: Draft, alignment: DraftAlignment) =>
      api.request(z.object({ seq: z.number() }), 'PUT', `/api/conferences/${enc(id)}/draft-revision`, { draft, alignment }),
    parsePoints: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.request(PointsImportSchema, 'POST', '/api/points/parse', form);
    },
  };
}
export type OrganiserApi = ReturnType<typeof organiserApi>;
