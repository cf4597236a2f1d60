/** A horizontal sound-level bar; the number is there for screen readers and for tests. */
export function LevelMeter({ level, label }: { level: number; label: string }) {
  const percent = Math.round(level * 100);
  return (
    <div className="mv-meter" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} data-testid="level-meter">
      <div className="mv-meter__bar" style={{ width: `${percent}%` }} />
    </div>
  );
}
