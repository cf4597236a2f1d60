import { foldDiacritics, type BridgePointSetup } from '@diem-cau/shared';
import { newKey } from './ids';
import type { DelegateForm, PointForm } from './setupForm';

export type ImportMode = 'replace' | 'merge';
export interface PointsValue { central: PointForm; points: PointForm[] }

const same = (a: string, b: string) => foldDiacritics(a).replace(/\s+/g, ' ').trim() === foldDiacritics(b).replace(/\s+/g, ' ').trim();

function delegatesOf(p: BridgePointSetup): DelegateForm[] {
  return p.delegates.map((d) => ({ key: newKey('d'), name: d.name, position: d.position }));
}

function mergeDelegates(into: DelegateForm[], from: DelegateForm[]): DelegateForm[] {
  return [...into, ...from.filter((d) => !into.some((x) => same(x.name, d.name)))];
}

/**
 * An imported list into the form. A point already in the form (same name, tones and case
 * ignored) keeps its stored id, so re-importing before the start never orphans its requests.
 */
export function mergeImportedPoints(current: PointsValue, imported: readonly BridgePointSetup[], mode: ImportMode): PointsValue {
  const importedCentral = imported.find((p) => p.kind === 'central');
  let central = current.central;
  if (importedCentral) {
    const delegates = delegatesOf(importedCentral);
    central = { ...central, name: importedCentral.name, delegates: mode === 'replace' ? delegates : mergeDelegates(central.delegates, delegates) };
  }
  const incoming = imported.filter((p) => p.kind === 'provincial');
  const matched = (p: BridgePointSetup) => current.points.find((x) => same(x.name, p.name));
  const fromImport = incoming.map((p) => {
    const existing = matched(p);
    if (!existing) return { key: newKey('p'), name: p.name, delegates: delegatesOf(p) };
    const delegates = mode === 'replace' ? delegatesOf(p) : mergeDelegates(existing.delegates, delegatesOf(p));
    return { ...existing, name: p.name, delegates };
  });
  if (mode === 'replace') return { central, points: fromImport };
  // Merge: the form's order stays, matched points take the imported delegates, new ones go last.
  const updated = current.points.map((x) => fromImport.find((p) => p.key === x.key) ?? x);
  const added = fromImport.filter((p) => !current.points.some((x) => x.key === p.key));
  return { central, points: [...updated, ...added] };
}
