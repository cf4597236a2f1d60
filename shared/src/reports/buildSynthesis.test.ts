import { FixtureConference } from '../testing/conferenceFixture';
import { buildSynthesis } from './buildSynthesis';
import { SCRIPT, scriptedConference } from './testing/scriptedConference';
import type { SynthesisReport } from './synthesisTypes';

function allPlaced(report: SynthesisReport) {
  const underArticles = report.chapters.flatMap((ch) => ch.articles.flatMap((a) => a.groups.flatMap((g) => g.comments.map((c) => ({ article: a.number, id: c.id })))));
  const general = report.general.groups.flatMap((g) => g.comments.map((c) => ({ article: 0, id: c.id })));
  return [...underArticles, ...general];
}

describe('buildSynthesis', () => {
  const conf = scriptedConference();
  const report = buildSynthesis(conf.state);

  it('R1: lists chapters and articles in draft order, every article once', () => {
    expect(report.chapters.map((c) => c.label)).toEqual(['Chương I', 'Chương II']);
    expect(report.chapters.flatMap((c) => c.articles.map((a) => a.number))).toEqual([1, 2, 3]);
    expect(report.chapters[0]?.articles[0]).toMatchObject({ label: 'Điều 1', title: 'Phạm vi điều chỉnh' });
  });

  it('R2: counts comments per article, per chapter (distinct) and overall, retracted ones excluded', () => {
    const counts = report.chapters.flatMap((c) => c.articles.map((a) => a.count));
    expect(counts).toEqual([3, 2, 0]);
    expect(report.chapters.map((c) => c.count)).toEqual([4, 0]);
    expect(report.summary).toMatchObject({ total: 5, spoken: 4, written: 1, general: 1, articlesTotal: 3, articlesCommented: 2 });
  });

  it('R3: every non-retracted comment appears once under each article it names, or once under the general comments', () => {
    const placed = allPlaced(report);
    const keys = placed.map((p) => `${p.article}:${p.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(placed.map((p) => p.id).sort()).toEqual([SCRIPT.amend, SCRIPT.agreeBoth, SCRIPT.agreeBoth, SCRIPT.clarify, SCRIPT.written, SCRIPT.general].sort());
    expect(placed.some((p) => p.id === SCRIPT.retracted)).toBe(false);
  });

  it('R4: groups an article\'s comments by kind in the fixed kind order, with Vietnamese labels and clause places', () => {
    const article1 = report.chapters[0]?.articles[0];
    expect(article1?.groups.map((g) => g.label)).toEqual(['Tán thành', 'Làm rõ', 'Sửa đổi']);
    const amend = article1?.groups[2]?.comments[0];
    expect(amend).toMatchObject({ text: 'Đề nghị sửa khoản 2', place: 'khoản 2', speaker: 'Dương Xuân Hùng', pointName: 'Tỉnh ủy Thái Nguyên', sourceLabel: 'Phát biểu', time: '15:01:30' });
    expect(article1?.groups[0]?.comments[0]?.alsoArticles).toEqual([2]);
  });

  it('R5: names the points an article heard from, sorted the Vietnamese way', () => {
    expect(report.chapters[0]?.articles[0]?.points).toEqual([
      { pointId: 'ha-giang', name: 'Tỉnh ủy Hà Giang', count: 1 },
      { pointId: 'thai-nguyen', name: 'Tỉnh ủy Thái Nguyên', count: 2 },
    ]);
    expect(report.summary.byPoint.map((p) => p.name)).toEqual(['Điểm cầu Trung ương', 'Tỉnh ủy Bắc Kạn', 'Tỉnh ủy Hà Giang', 'Tỉnh ủy Thái Nguyên', 'Không xác định']);
    expect(report.summary.byPoint.find((p) => p.pointId === 'bac-kan')).toMatchObject({ count: 1, spoken: 0, written: 1 });
  });

  it('R6: lists the articles nobody commented on and the general comments', () => {
    expect(report.uncommented).toEqual([{ number: 3, label: 'Điều 3', title: 'Nhiệm vụ, quyền hạn', chapterLabel: 'Chương II' }]);
    expect(report.general.groups.flatMap((g) => g.comments.map((c) => c.text))).toEqual(['Ý kiến chung về dự thảo']);
  });

  it('R7: summarises per kind and per response; responses passed in fill the response column', () => {
    const answered = buildSynthesis(conf.state, { responses: { [SCRIPT.amend]: { status: 'partly', explanation: 'Đã chỉnh một phần' } } });
    expect(answered.summary.byKind.find((k) => k.kind === 'agree')?.count).toBe(1);
    expect(answered.summary.byResponse.map((r) => r.count)).toEqual([0, 1, 0, 4]);
    const amend = answered.chapters[0]?.articles[0]?.groups[2]?.comments[0];
    expect(amend?.response).toEqual({ status: 'partly', label: 'Tiếp thu một phần', explanation: 'Đã chỉnh một phần' });
  });

  it('R8: the heatmap has a row per article and a column per point that commented', () => {
    expect(report.heatmap.points.map((p) => p.name)).toEqual(['Tỉnh ủy Bắc Kạn', 'Tỉnh ủy Hà Giang', 'Tỉnh ủy Thái Nguyên']);
    expect(report.heatmap.rows.map((r) => r.counts)).toEqual([[0, 1, 2], [1, 0, 1], [0, 0, 0]]);
    expect(report.heatmap.max).toBe(2);
  });

  it('R9: a conference without comments lists every article as uncommented', () => {
    const empty = buildSynthesis(new FixtureConference().state);
    expect(empty.summary.total).toBe(0);
    expect(empty.uncommented.map((a) => a.number)).toEqual([1, 2, 3]);
    expect(empty.heatmap.points).toEqual([]);
  });
});

describe('buildSynthesis with the drafting team at work', () => {
  it('R10: responses recorded with comment.respond fill the response column; a merged duplicate is not counted twice', () => {
    const conf = scriptedConference();
    conf.must({ role: 'organiser', sessionId: 'org' }, { type: 'comment.respond', commentId: SCRIPT.amend, status: 'explained', explanation: 'Giữ như dự thảo vì đã quy định tại Điều 3' });
    const before = buildSynthesis(conf.state).summary.total;
    conf.must({ role: 'secretary', sessionId: 'sec' }, { type: 'comment.merge', commentId: SCRIPT.agreeBoth, intoId: SCRIPT.amend });
    const report = buildSynthesis(conf.state);
    const placed = allPlaced(report);
    expect(placed.some((p) => p.id === SCRIPT.agreeBoth)).toBe(false);
    expect(report.summary.total).toBe(before - 1);
    const amend = report.chapters[0]?.articles[0]?.groups.flatMap((g) => g.comments).find((c) => c.id === SCRIPT.amend);
    expect(amend?.response).toMatchObject({ status: 'explained', explanation: 'Giữ như dự thảo vì đã quy định tại Điều 3' });
    // The kept comment now names Điều 2 too, from the merged duplicate.
    expect(placed.filter((p) => p.id === SCRIPT.amend).map((p) => p.article).sort()).toEqual([1, 2]);
  });
});
