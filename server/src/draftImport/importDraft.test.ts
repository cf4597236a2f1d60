import { Document, Packer, Paragraph } from 'docx';
import { MAX_DOCX_INFLATED_BYTES } from './draftImportErrors';
import { importDraft } from './importDraft';
import { plainText } from './readDraftFile';
import { declaredInflatedSize } from './zipGuard';

const DRAFT = 'QUY ĐỊNH\nvề thử nghiệm\n\nChương I\nQUY ĐỊNH CHUNG\n\nĐiều 1. Phạm vi\n1. Khoản một.\n\nĐiều 2. Đối tượng\nNội dung.';

async function docx(lines: string[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] }));
}

/** Rewrites every central-directory entry's declared inflated size, as a zip bomb would declare it. */
function inflateClaims(zip: Buffer, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 46 <= out.length; i += 1) if (out.readUInt32LE(i) === 0x02014b50) out.writeUInt32LE(size, i + 24);
  return out;
}

describe('draft import', () => {
  it('DI5: reads a .docx paragraph by paragraph into the parser', async () => {
    const result = await importDraft({ fileName: 'Dự thảo.DOCX', data: await docx(DRAFT.split('\n')) });
    expect(result.ok && result.value.stats).toMatchObject({ chapters: 1, articles: 2 });
    expect(result.ok && result.value.text).toContain('Điều 2. Đối tượng');
  });

  it('DI6: refuses a .docx whose directory declares more than the inflate limit, before inflating it', async () => {
    const real = await docx(['Điều 1. A']);
    expect(declaredInflatedSize(real)).toBeGreaterThan(0);
    const bomb = inflateClaims(real, MAX_DOCX_INFLATED_BYTES);
    const result = await importDraft({ fileName: 'bomb.docx', data: bomb });
    expect(result).toMatchObject({ ok: false, error: { reason: 'FILE_TOO_LARGE' } });
  });

  it('DI7: decodes UTF-8 with or without BOM, UTF-16 with BOM, and Windows Vietnamese (cp1258) as a fallback', () => {
    const text = 'Điều 1. Phạm vi điều chỉnh';
    expect(plainText(Buffer.from(`\uFEFF${text}`, 'utf8'))).toEqual({ ok: true, text });
    expect(plainText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({ ok: true, text });
    // "Điều" in cp1258: Đ = 0xD0, i, ê = 0xEA, u + combining grave (0xCC); NFC comes later in the parser.
    const cp1258 = Buffer.from([0xd0, 0x69, 0xea, 0xcc, 0x75]);
    const decoded = plainText(cp1258);
    expect(decoded.ok && decoded.text.normalize('NFC')).toBe('Điều'.normalize('NFC').replace('ề', 'ề').normalize('NFC'));
    expect(plainText(Buffer.from([0x41, 0x00, 0x42]))).toMatchObject({ ok: false, error: { reason: 'UNREADABLE_FILE' } });
  });

  it('DI8: an empty text or a text file that is really a zip is refused with its reason', async () => {
    expect(await importDraft({ fileName: 'a.txt', data: Buffer.from('  \n\n ') })).toMatchObject({ ok: false, error: { reason: 'EMPTY_FILE' } });
    expect(await importDraft({ fileName: 'a.txt', data: await docx(['x']) })).toMatchObject({ ok: false, error: { reason: 'UNSUPPORTED_TYPE' } });
  });
});
