import type { Block } from './blocks';
import { isMostlyUpper } from './normalise';

/**
 * The end of the regulation: the adoption formula, "Nơi nhận:", the signature block. What follows
 * (attached plans, annex tables) is not part of the last article.
 */

const OFFICE = '(PHÓ |TỔNG |QUYỀN )?(CHỦ TỊCH|BỘ TRƯỞNG|THỨ TRƯỞNG|THỦ TƯỚNG|CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|GIÁM ĐỐC|CHÁNH VĂN PHÒNG|CHÁNH ÁN|VIỆN TRƯỞNG|TRƯỞNG BAN|BÍ THƯ|TỔNG BÍ THƯ|CHỦ NHIỆM|THỐNG ĐỐC|TỔNG KIỂM TOÁN|TỔNG THƯ KÝ|CHÁNH THANH TRA|TRƯỞNG ĐOÀN)';
const OFFICE_LINE = new RegExp(`^${OFFICE}( [^\\p{Ll}.;:]*)?$`, 'u');
const ON_BEHALF = /^(T\/M|TM\.?|KT\.?|TL\.?|TUQ\.?|Q\.|THAY MẶT|KÝ THAY|THỪA LỆNH|THỪA ỦY QUYỀN)\s+\p{Lu}/u;
const RECIPIENTS = /^nơi (nhận|gửi)\s*(:|$)/iu;
const SIGNED = /^\((đã ký|ký|ký tên|ký và ghi rõ họ tên)[^)]*\)$/iu;
const ADOPTED = /^(luật|bộ luật|hiến pháp|pháp lệnh|nghị quyết)( [\p{L}\d/-]+){0,3} này (đã )?được .*thông qua/iu;
const ANNEX = /^(PHỤ LỤC|Phụ lục)( (SỐ|số))?( [\dIVXLC]{1,6})?$/u;

/** A line that begins the signature block on its own, whatever follows it. */
export function isSignatureStart(text: string): boolean {
  if (RECIPIENTS.test(text) || SIGNED.test(text) || ADOPTED.test(text) || ANNEX.test(text)) return true;
  return ON_BEHALF.test(text) && isMostlyUpper(text);
}

/** "Nguyễn Thị Kim Ngân": two to six capitalised words and nothing else. */
function isPersonName(text: string): boolean {
  return /^(\p{Lu}\p{Ll}*)( \p{Lu}\p{Ll}*){1,5}$/u.test(text);
}

/** "CHỦ TỊCH QUỐC HỘI" (or "Chủ tịch Quốc hội") followed by a name or "(Đã ký)". */
function isOfficeSignature(blocks: readonly Block[], at: number): boolean {
  const text = blocks[at]?.text ?? '';
  if (text.length > 80 || !OFFICE_LINE.test(text.toUpperCase()) || /[.;:]$/.test(text)) return false;
  const next = blocks.slice(at + 1, at + 3).map((b) => b.text);
  return next.length === 0 || next.some((t) => isPersonName(t) || SIGNED.test(t) || isSignatureStart(t));
}

/** Index of the first block of the signature block after `from`, or blocks.length. */
export function findTrailer(blocks: readonly Block[], from: number): number {
  for (let i = Math.max(0, from); i < blocks.length; i += 1) {
    const text = blocks[i]?.text ?? '';
    if (isSignatureStart(text) || isOfficeSignature(blocks, i)) return i;
  }
  return blocks.length;
}

/**
 * The first heading of an attachment after the signature ("KẾ HOẠCH", "PHỤ LỤC", "QUY TRÌNH…"):
 * a capitalised line that is neither an office nor a name.
 */
export function findAttachment(blocks: readonly Block[], trailer: number): Block | undefined {
  for (let i = trailer; i < blocks.length; i += 1) {
    const block = blocks[i];
    if (!block) continue;
    const text = block.text;
    if (ANNEX.test(text)) return block;
    const caps = !/\p{Ll}/u.test(text) && /\p{L}{3}/u.test(text) && !/^[-+•]/.test(text);
    if (caps && !OFFICE_LINE.test(text) && !ON_BEHALF.test(text) && !isOfficeSignature(blocks, i)) return block;
  }
  return undefined;
}
