/**
 * `npx tsx scripts/docs/makeSamples.ts [OUT_DIR]`: writes every report (synthesis and minutes ×
 * docx/xlsx/csv/html) of the demo conference after a short scripted session to docs/samples/, then
 * PDFs of the DOCX files (LibreOffice) and a PNG of the synthesis print view (Chromium) when those are installed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildMinutes, buildSynthesis, reportHeaderOf } from '@diem-cau/shared';
import { REPORT_FORMATS, renderReport, type ReportModel } from '../../server/src/reports/reportFormats';
import type { FixtureConference } from '../../shared/src/testing/conferenceFixture';
import { docxToPdf, screenshot } from './convertSamples';
import { demoSession } from './demoSession';

const OUT = process.argv[2] ?? join(__dirname, '..', '..', 'docs', 'samples');
const FILE_NAMES = { synthesis: 'bao-cao-tong-hop-y-kien', minutes: 'bien-ban-hoi-nghi' } as const;

/** After the conference the drafting team answers three comments with `comment.respond`, as the organiser would. */
function answerSomeComments(conf: FixtureConference): void {
  const idOf = (fragment: string) => conf.state.comments.ids.find((id) => conf.state.comments.get(id)?.text.includes(fragment)) ?? '';
  const organiser = { role: 'organiser' as const, sessionId: 'ban-to-chuc', label: 'Ban tổ chức' };
  const later = (conf.state.endedAt ?? 0) + 3_600_000;
  const answers = [
    [idOf('phối hợp của ban cán sự đảng'), 'accepted', 'Đã bổ sung vào khoản 2 Điều 5.'],
    [idOf('Cơ cấu thường trực'), 'partly', 'Tiếp thu về cơ cấu; số lượng giữ như dự thảo để bảo đảm tinh gọn.'],
    [idOf('đoàn luật sư'), 'explained', 'Việc thành lập đảng đoàn tại đoàn luật sư do Bộ Chính trị quyết định, không thuộc phạm vi Quy định này.'],
  ] as const;
  for (const [commentId, status, explanation] of answers) conf.must(organiser, { type: 'comment.respond', commentId, status, explanation }, later);
}

async function main(): Promise<void> {
  const conf = demoSession();
  answerSomeComments(conf);
  const minutes = buildMinutes(conf.log);
  if (!minutes) throw new Error('demo log has no creation');
  const models: ReportModel[] = [{ kind: 'synthesis', report: buildSynthesis(conf.state) }, { kind: 'minutes', report: minutes }];
  const header = reportHeaderOf(minutes.conference, { issuerParent: 'Ban Chấp hành Trung ương', issuer: 'Ban Tổ chức Trung ương' });
  await mkdir(OUT, { recursive: true });
  for (const model of models) {
    for (const format of REPORT_FORMATS) {
      const body = await renderReport(model, format, { header, now: new Date(minutes.conference.endedAt ?? 0) });
      if (!body) throw new Error(`no ${model.kind}.${format}`);
      const file = join(OUT, `${FILE_NAMES[model.kind]}.${format}`);
      await writeFile(file, body);
      console.log(`${file}  ${(body.length / 1024).toFixed(1)} KiB`);
    }
  }
  for (const pdf of docxToPdf(OUT, Object.values(FILE_NAMES).map((n) => `${n}.docx`))) console.log(`${join(OUT, pdf)}  (LibreOffice)`);
  if (screenshot(OUT, `${FILE_NAMES.synthesis}.html`, `${FILE_NAMES.synthesis}.png`)) console.log(`${join(OUT, `${FILE_NAMES.synthesis}.png`)}  (Chromium)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
