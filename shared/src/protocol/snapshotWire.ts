/**
 * A snapshot as it travels in a sync answer: the state folded up to `seq`, as gzip-compressed JSON of
 * `ConferenceState` (`stateFromJson` revives it) in a binary attachment. The hub builds it once for every
 * console that needs it (a conference of 20,000 comments is ~15 MB of JSON, about a tenth of that
 * compressed); the events after `seq` come with it in the same answer.
 */
export interface SnapshotOnWire {
  seq: number;
  /** Buffer on Node, ArrayBuffer in a browser. */
  gzip: Uint8Array | ArrayBuffer;
}
