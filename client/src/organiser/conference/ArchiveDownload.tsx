import type { ConferenceStatus } from '@diem-cau/shared';
import { useState } from 'react';
import { useLocale, type Locale } from '../../i18n/i18n';
import { downloadFrom } from '../../reports/reportLinks';
import { requestArchiveLink, type ArchiveLinkOutcome } from './archiveLink';

type Failure = Extract<ArchiveLinkOutcome, { ok: false }>['reason'];

const MESSAGES: Record<Locale, { title: string; intro: string; button: string; wait: string; failed: Record<Failure, string> }> = {
  vi: {
    title: 'Hồ sơ lưu trữ',
    intro: 'Một tệp .tar cho bộ phận lưu trữ: nhật ký hội nghị (JSON Lines, mỗi sự kiện mang mã băm của sự kiện trước), dự thảo, các báo cáo ở mọi định dạng, bản ghi hình nếu có và bảng kê SHA-256 của từng tệp. Kiểm tra bằng lệnh npm run verify.',
    button: 'Tải hồ sơ lưu trữ (.tar)',
    wait: 'Hồ sơ lưu trữ được lập khi hội nghị đã kết thúc.',
    failed: {
      notEnded: 'Hội nghị chưa kết thúc: chưa lập được hồ sơ lưu trữ.',
      refused: 'Máy chủ từ chối: mã quản trị không còn hiệu lực.',
      network: 'Không tải được hồ sơ: mất kết nối tới máy chủ. Hãy thử lại.',
    },
  },
  en: {
    title: 'Archive',
    intro: 'One .tar file for the archive office: the conference log (JSON Lines, each event carrying the hash of the one before), the draft, the reports in every format, recordings where there are any, and a manifest with the SHA-256 of every file. Check it with npm run verify.',
    button: 'Download the archive (.tar)',
    wait: 'The archive is made once the conference has ended.',
    failed: {
      notEnded: 'The conference has not ended: no archive yet.',
      refused: 'The hub refused: the admin token is no longer valid.',
      network: 'The archive did not download: the connection to the hub was lost. Try again.',
    },
  },
};

/** AR3: the organiser's archive download, offered once the conference has ended. */
export function ArchiveDownload({ conferenceId, adminToken, status, fetchFn }: { conferenceId: string; adminToken: string; status: ConferenceStatus; fetchFn?: typeof fetch }) {
  const { locale } = useLocale();
  const m = MESSAGES[locale];
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setFailure(null);
    setBusy(true);
    const link = await requestArchiveLink(conferenceId, adminToken, fetchFn);
    setBusy(false);
    if (link.ok) downloadFrom(link.url);
    else setFailure(link.reason);
  };
  return (
    <section className="panel" aria-labelledby="archive-title" data-testid="archive-download">
      <header className="panel__head">
        <h2 id="archive-title" className="panel__title">{m.title}</h2>
      </header>
      <div className="panel__body">
        <p className="hint">{m.intro}</p>
        {failure ? <p className="notice" role="alert" data-testid="archive-failure">{m.failed[failure]}</p> : null}
        {status === 'ended'
          ? <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void download()} data-testid="archive-button"><span aria-hidden="true">⤓</span> {m.button}</button>
          : <p className="muted" data-testid="archive-wait">{m.wait}</p>}
      </div>
    </section>
  );
}
