import { parseDraft, renderDraftText, type Draft } from '@diem-cau/shared';
import type { DraftForm } from '../setup/setupForm';

/**
 * The parser runs in the browser too (it is pure): a corrected line or a pasted text is read
 * again at once, without a round trip. Loaded on demand with the draft preview.
 */
export function parseText(text: string, title: string | undefined, previous?: DraftForm): DraftForm {
  const result = parseDraft(text, title ? { title } : {});
  return {
    draft: result.draft, warnings: result.warnings, text,
    originalText: previous?.originalText || text,
    ...(previous?.fileName ? { fileName: previous.fileName } : {}),
    accepted: false,
  };
}

/** A stored draft has no source text: its canonical rendering reads back to the same tree. */
export function textOf(draft: Draft): string {
  return renderDraftText(draft);
}
