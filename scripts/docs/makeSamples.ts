/**
 * `npx tsx scripts/docs/makeSamples.ts [OUT_DIR]`: writes every report (synthesis and minutes ×
 * docx/xlsx/csv/html) of the demo conference after a short scripted session to docs/samples/, then
 * PDFs of the DOCX files (LibreOffice) and a PNG of the synthesis print view (Chromium) when those are installed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildMinutes, buildSynthesis, reportHeaderOf, type CommentResponses } from '@diem-cau/shared';
import { REPORT_FORMATS, renderReport, type ReportModel } from '../../server/src/reports/reportFormats';
import type { FixtureConference } from '../../shared/src/testing/conferenceFixture';
import { docxToPdf, screenshot } from './convertSamples';
import { demoSession } from './demoSession';

const OUT = process.argv[2] ?? join(__dirname, '..', '..', 'docs', 'samples');
const FILE_NAMES = { synthesis: 'bao-cao-tong-hop-y-kien', minutes: 'bien-ban-hoi-nghi' } as const;

/** The drafting team's answers to three comments, to show the response column (no command records them yet). */
function sampleResponses(conf: FixtureConference): CommentResponses {
  const idOf = (fragment: string) => conf.state.comments.ids.find((id) => conf.state.comments.byId[id]?.text.includes(fragment)) ?? '';
  return {
    [idOf('phối hợp của ban cán sự đảng')]: { status: 'accepted', explanation: 'Đã bổ sung vào khoản 2 Điều 5.' },
    [idOf('Cơ cấu thường trực')]: { status: 'partly', explanation: 'Tiếp thu về cơ cấu; số lượng giữ như dự thảo để bảo đảm tinh gọn.' },
    [idOf('đoàn luật sư')]: { status: 'explained', explanation: 'Việc thành lập đảng đoàn tại đoàn luật sư do Bộ Chính trị quyết định, không thuộc phạm vi Quy định này.' },
  };
}

async function main(): Promise<void> {
  const conf = demoSession();
  const responses = sampleResponses(conf);
  const minutes = buildMinutes(conf.log, { responses });
  if (!minutes) throw new Error('demo log has no creation');
  const models: ReportModel[] = [{ kind: 'synthesis', report: buildSynthesis(conf.state, { responses }) }, { kind: 'minutes', report: minutes }];
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
