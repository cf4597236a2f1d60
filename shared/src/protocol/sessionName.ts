import { z } from 'zod';
import { nfc } from '../text/vietnamese';

/** Long enough for "Nguyễn Thị Minh Khai (Văn phòng Trung ương)", short enough for a table cell. */
export const SESSION_NAME_MAX_CHARS = 60;

/**
 * The name a person gives the session they opened with a shared code (C12): NFC, spaces collapsed,
 * 1–60 characters, no control or invisible format characters (a name is printed in the audit trail and
 * its CSV, where a stray bidi or zero-width mark would disguise it).
 */
export const SessionNameSchema = z
  .string()
  .max(SESSION_NAME_MAX_CHARS * 4)
  .transform((s) => nfc(s).replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1).max(SESSION_NAME_MAX_CHARS).regex(/^[^\p{Cc}\p{Cf}\p{Co}\p{Cn}]*$/u));

/** `POST /api/sessions/name`: the body, and the hub's answer. */
export const SessionNameBodySchema = z.object({ name: SessionNameSchema }).strict();
export const SessionNameAnswerSchema = z.object({ name: z.string() });
