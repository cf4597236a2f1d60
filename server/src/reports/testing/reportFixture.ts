import { buildMinutes, buildSynthesis, reportHeaderOf, type MinutesReport, type ReportHeader, type SynthesisReport } from '@diem-cau/shared';
import { ACTORS } from '@diem-cau/shared/testing';
import { SCRIPT, scriptedConference, type ScriptInput } from '../../../../shared/src/reports/testing/scriptedConference';

/** Texts that test the writers' escaping: a formula, quotes, a comma, a line break, markup. */
export const TRICKY = {
  formula: '=cmd()|calc',
  quoted: 'Sửa "khoản 2", thêm\ndòng mới',
  markup: '<script>alert(1)</script> & “ngoặc”',
} as const;

export interface FixtureReports {
  synthesis: SynthesisReport;
  minutes: MinutesReport;
  header: ReportHeader;
}

/** The scripted fixture conference plus three comments with hostile text, as report models. */
export function fixtureReports(): FixtureReports {
  const conf = scriptedConference();
  const texts = [TRICKY.formula, TRICKY.quoted, TRICKY.markup];
  texts.forEach((text, i) => {
    const input: ScriptInput = { type: 'comment.log', pointId: 'ha-giang', articles: [{ article: 3 }], kind: 'propose', text, source: 'written' };
    conf.must(ACTORS.secretary, input, SCRIPT.at(440 + i));
  });
  const minutes = buildMinutes(conf.log);
  if (!minutes) throw new Error('fixture log has no creation');
  const synthesis = buildSynthesis(conf.state);
  return { synthesis, minutes, header: reportHeaderOf(synthesis.conference) };
}

export { SCRIPT };
