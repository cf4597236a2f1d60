import { parseCsv } from '../testing/parseCsv';
import { fixtureReports, TRICKY } from '../testing/reportFixture';
import { minutesTables } from '../tables/minutesTables';
import { synthesisTables } from '../tables/synthesisTables';
import { col, type ReportTable } from '../tables/reportTable';
import { csvField, neutralise, toCsv } from './toCsv';

describe('CSV export', () => {
  const { synthesis, minutes } = fixtureReports();
  const bytes = toCsv(synthesisTables(synthesis)[0] ?? { key: '', title: '', columns: [], rows: [] });

  it('X1: starts with a UTF-8 BOM so Excel shows the diacritics', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('Tỉnh ủy Thái Nguyên');
  });

  it('X2: parses back (RFC 4180): header, one row per comment and article, quotes and line breaks intact', () => {
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    expect(rows[0]?.slice(0, 6)).toEqual(['STT', 'Chương', 'Điều', 'Tên điều', 'Khoản, điểm', 'Loại ý kiến']);
    expect(rows).toHaveLength(1 + 6 + 3);
    expect(rows.every((r) => r.length === rows[0]?.length)).toBe(true);
    expect(rows.some((r) => r.includes(TRICKY.quoted))).toBe(true);
    expect(rows.map((r) => r[2])).toEqual(['Điều', 'Điều 1', 'Điều 1', 'Điều 1', 'Điều 2', 'Điều 2', 'Điều 3', 'Điều 3', 'Điều 3', 'Ý kiến chung']);
  });

  it('X3: neutralises cells that a spreadsheet would run as a formula', () => {
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    expect(rows.some((r) => r.includes(`'${TRICKY.formula}`))).toBe(true);
    expect(rows.some((r) => r.includes(TRICKY.formula))).toBe(false);
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'a=b'].map(neutralise)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx", 'a=b']);
    expect(csvField(-5)).toBe('-5');
  });

  it('X4: the minutes timeline lists opening first and closing last', () => {
    const rows = parseCsv(toCsv(minutesTables(minutes)[0] ?? { key: '', title: '', columns: [], rows: [] }).toString('utf8').slice(1));
    expect(rows[1]?.[1]).toBe('Khai mạc hội nghị');
    expect(rows.filter((r) => r[1] === 'Bế mạc hội nghị')).toHaveLength(1);
  });

  it('X5: the minutes CSV carries the facts of the DOCX: a speech’s comments after it, the agenda kind as a note, durations labelled', () => {
    const rows = parseCsv(toCsv(minutesTables(minutes)[0] ?? { key: '', title: '', columns: [], rows: [] }).toString('utf8').slice(1));
    const spoken = minutes.speeches.flatMap((s) => s.comments);
    expect(spoken.length).toBeGreaterThan(0);
    for (const c of spoken) expect(rows.some((r) => r[1]?.includes(c.text))).toBe(true);
    const agenda = rows.find((r) => r[1]?.startsWith('Nội dung:'));
    expect(agenda?.[2]).toBe('');
    expect(agenda?.[4]).toMatch(/^Loại nội dung: /);
    const speech = rows.find((r) => r[1]?.startsWith('Phát biểu:'));
    expect(speech?.[4]).toMatch(/^Từ \d\d:\d\d:\d\d đến \d\d:\d\d:\d\d, thời lượng \d+:\d\d/);
  });

  it('Q44: quotes fields holding ; tab CR or LF besides , and ", so they parse back whole with either list separator', () => {
    const table: ReportTable = {
      key: 't', title: 't', columns: [col('a', 10), col('b', 10)],
      rows: [['x;=1+1', 'tab\there'], ['line\rbreak', 'new\nline'], ['=cmd|calc', 'a,"b"']],
    };
    const text = toCsv(table).toString('utf8').slice(1);
    expect(parseCsv(text).slice(1)).toEqual([['x;=1+1', 'tab\there'], ['line\rbreak', 'new\nline'], ["'=cmd|calc", 'a,"b"']]);
    // Read as Excel does with `;` as its list separator: the quoted field stays whole, no cell starts a formula.
    const semicolon = parseCsv(text, ';');
    expect(semicolon[1]?.[0]?.startsWith('x;=1+1')).toBe(true);
    expect(semicolon.flat().some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
    expect(['a;b', 'a\tb', 'plain'].map(csvField)).toEqual(['"a;b"', '"a\tb"', 'plain']);
  });
});
