import { buildSynthesis } from './buildSynthesis';
import { allConsultations } from './droppedArticles';
import { consultedThenDropped } from './testing/consultedThenDropped';

describe('DA19: positions on an article the revision deleted stay in the synthesis', () => {
  it('DA19: in draft 2’s numbering the consultation on the deleted Điều 2 is listed under "Điều đã bỏ", named in draft 1’s numbering, with its tally', () => {
    const r = buildSynthesis(consultedThenDropped().state, { numbering: 'revised' });
    expect(r.dropped).toEqual([expect.objectContaining({ number: 2, label: 'Điều 2 (dự thảo lần 1)', title: 'Cơ cấu thường trực' })]);
    const [dropped] = r.dropped?.[0]?.consultations ?? [];
    expect(dropped).toMatchObject({ where: 'Điều 2, dự thảo lần 1', question: 'Lấy ý kiến về các phương án', answered: 2, unanswered: ['Tỉnh ủy Bắc Kạn'] });
    expect(dropped?.options.map((o) => `${o.label}: ${o.count}`)).toEqual(['Phương án 1: 0', 'Phương án 2: 2']);
    // The new Điều 2 is another article: nothing of the old one is filed under it.
    const articles = r.chapters.flatMap((ch) => ch.articles);
    expect(articles.map((a) => [a.label, a.title, a.consultations.map((c) => c.where)])).toEqual([
      ['Điều 1', 'Phạm vi điều chỉnh', ['khoản 2 Điều 1, dự thảo lần 1']], ['Điều 2', 'Nhiệm vụ, quyền hạn', []],
    ]);
    expect(allConsultations(r).map((c) => c.where)).toEqual(['khoản 2 Điều 1, dự thảo lần 1', 'Điều 2, dự thảo lần 1']);
  });

  it('DA19: every consultation of the conference is in the report, in either numbering', () => {
    const conf = consultedThenDropped();
    const all = conf.state.consultations.list().map((c) => c.id).sort();
    for (const numbering of ['first', 'revised'] as const) {
      expect(allConsultations(buildSynthesis(conf.state, { numbering })).map((c) => c.id).sort()).toEqual(all);
    }
  });

  it('DA19: in draft 1’s numbering nothing is dropped: the consultation stays under its Điều 2', () => {
    const r = buildSynthesis(consultedThenDropped().state, { numbering: 'first' });
    expect(r.dropped).toBeUndefined();
    expect(r.chapters[0]?.articles.find((a) => a.number === 2)?.consultations.map((c) => c.where)).toEqual(['Điều 2']);
  });
});
