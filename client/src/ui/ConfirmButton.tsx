import { useState, type ReactNode } from 'react';

interface Props {
  label: ReactNode;
  /** The question shown in place of the button, e.g. "Khai mạc hội nghị ngay?". */
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  className?: string;
  disabled?: boolean;
}

/** A destructive or irreversible one-click action made two clicks: the button, then a plain-words confirmation. */
export function ConfirmButton({ label, question, confirmLabel, cancelLabel, onConfirm, className = 'btn', disabled = false }: Props) {
  const [asking, setAsking] = useState(false);
  if (!asking) return <button type="button" className={className} disabled={disabled} onClick={() => setAsking(true)}>{label}</button>;
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <button type="button" className="btn btn--danger btn--small" autoFocus onClick={() => { setAsking(false); onConfirm(); }}>{confirmLabel}</button>
      <button type="button" className="btn btn--ghost btn--small" onClick={() => setAsking(false)}>{cancelLabel}</button>
    </span>
  );
}
