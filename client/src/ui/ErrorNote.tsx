/** A refusal from the hub, next to the control that caused it; announced to screen readers. */
export function ErrorNote({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="error-note" role="alert">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}
