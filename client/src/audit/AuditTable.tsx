import type { AuditRow } from '@diem-cau/shared';
import type { AuditMessages } from './auditMessages';

/** "Nguyễn Thị Lan · Thư ký", "Chủ trì · Điểm cầu Trung ương": the person first when the session has a name (C12). */
function Who({ row, m }: { row: AuditRow; m: AuditMessages }) {
  const role = m.roles[row.who.role] ?? row.who.roleLabel;
  return (
    <span className="audit__who">
      {row.who.name ? <strong data-testid="audit-name">{row.who.name}</strong> : null}
      <span className={row.who.name ? 'muted' : ''}>{role}</span>
      {row.who.point ? <span className="muted">{row.who.point}</span> : null}
    </span>
  );
}

/** The rows as given (already filtered and ordered); times are the hub's, in the conference's zone. */
export function AuditTable({ rows, m }: { rows: readonly AuditRow[]; m: AuditMessages }) {
  return (
    <div className="table-wrap">
      <table className="table audit__table">
        <thead>
          <tr>
            <th scope="col">{m.columns.time}</th>
            <th scope="col">{m.columns.who}</th>
            <th scope="col">{m.columns.area}</th>
            <th scope="col">{m.columns.what}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const [clock, date] = row.time.split(' ');
            return (
              <tr key={row.seq} data-testid="audit-row" data-area={row.area} data-action={row.action} data-seq={row.seq}>
                <td className="audit__time">
                  <span className="audit__clock">{clock}</span>
                  {date ? <span className="muted audit__date">{date}</span> : null}
                </td>
                <td><Who row={row} m={m} /></td>
                <td><span className={`chip chip--small audit__area audit__area--${row.area}`}>{m.areas[row.area]}</span></td>
                <td className="audit__what" data-testid="audit-what">{m.what(row)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
