// The attacks of bench:abuse on the HTTP API: deep JSON bodies, hostile .docx and .xlsx uploads, guessing
// join codes and the admin token. Each request's answer is counted as "<what> <status> <reason>".
import { randomBytes } from 'node:crypto';
import { docxOf, lyingEntry, nestedDocx, withParts, xlsxOf } from '../../../server/src/testing/hostileFiles';
import { type Attack, type AttackRun, REQUEST_TIMEOUT_MS, inParallel } from './attack';
import { refusalLabel } from './tally';

/** Two million `[` then two million `]`: 4,000,000 bytes, under the 4 MB limit of the admin routes' bodies. */
const DEEP_JSON_LEVELS = 2_000_000;

async function request(r: AttackRun, what: string, url: string, init: RequestInit): Promise<void> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const body = (await res.json().catch(() => ({}))) as { error?: unknown };
    r.tally.add(`${what} ${res.status}${body.error ? ` ${refusalLabel(body.error)}` : ''}`);
  } catch (error) {
    r.tally.thrown(error);
  }
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Attack 1: the deep body, to the open join-code exchange and to an admin route, two of each at once. */
export function deepBody(): Attack {
  const body = Buffer.concat([Buffer.alloc(DEEP_JSON_LEVELS, '['), Buffer.alloc(DEEP_JSON_LEVELS, ']')]);
  const json = { 'content-type': 'application/json' };
  return {
    run: async (r) => {
      const { url, admin } = r.arena;
      await inParallel(4, async (i) => {
        const [what, path, headers] = i % 2 === 0 ? ['sessions', '/api/sessions', json] : ['admin', '/api/conferences', { ...json, ...bearer(admin) }];
        while (!r.over()) await request(r, what, `${url}${path}`, { method: 'POST', headers, body });
      });
    },
  };
}

interface Upload { name: string; path: string; data: Buffer }

/** Attack 5: a zip bomb and a deeply nested .docx to the draft import; a lying and a big .xlsx to the points import. */
export function hostileFiles(bigXlsxRows: number): Attack {
  const files: Upload[] = [];
  const took = new Map<string, number>();
  return {
    prepare: async () => {
      const rows: unknown[][] = [['Điểm cầu', 'Đại biểu', 'Chức vụ']];
      for (let i = 0; i < bigXlsxRows; i += 1) rows.push([`Tỉnh ủy số ${i}`, `Nguyễn Văn Hùng ${i}`, `Phó Bí thư Thường trực ${i % 97}`]);
      const realXlsx = await xlsxOf(rows.slice(0, 2));
      files.push(
        { name: 'bomb.docx', path: '/api/drafts/parse', data: withParts(await docxOf(['Điều 1. A']), { 'word/document.xml': lyingEntry('word/document.xml', 300) }) },
        { name: 'nested.docx', path: '/api/drafts/parse', data: await nestedDocx(200_000) },
        { name: 'lying.xlsx', path: '/api/points/parse', data: withParts(realXlsx, { 'xl/worksheets/sheet1.xml': lyingEntry('xl/worksheets/sheet1.xml', 300) }) },
        { name: 'big.xlsx', path: '/api/points/parse', data: await xlsxOf(rows) },
      );
    },
    run: async (r) => {
      r.note(files.map((f) => `${f.name} ${(f.data.length / 1024).toFixed(0)} KB`).join(', '));
      let next = 0;
      await inParallel(2, async () => {
        while (!r.over()) {
          const file = files[next++ % files.length] as Upload;
          const form = new FormData();
          form.append('file', new Blob([file.data]), file.name);
          const t0 = performance.now();
          await request(r, file.name, `${r.arena.url}${file.path}`, { method: 'POST', body: form, headers: bearer(r.arena.admin) });
          took.set(file.name, Math.max(took.get(file.name) ?? 0, performance.now() - t0));
        }
      });
      r.note(`longest answer: ${[...took].map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
    },
  };
}

/**
 * Attack 7: wrong join codes and wrong admin tokens as fast as the answers come, from one address; then a
 * right code from the same address, to see whether it is let through.
 */
export function codeGuessing(): Attack {
  const wrong = () => randomBytes(6).toString('base64url');
  return {
    run: async (r) => {
      const { url } = r.arena;
      await inParallel(4, async (i) => {
        while (!r.over()) {
          if (i % 2 === 0) await request(r, 'code', `${url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: wrong() }) });
          else await request(r, 'admin', `${url}/api/conferences`, { headers: bearer(`${wrong()}${wrong()}${wrong()}`) });
        }
      });
      const right = await fetch(`${url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: r.arena.validCode }) });
      const body = (await right.json()) as { error?: unknown };
      r.note(`then a right code from this address: ${right.status}${body.error ? ` ${refusalLabel(body.error)}` : ''}`);
    },
  };
}
