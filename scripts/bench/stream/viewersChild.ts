/**
 * A share of bench:stream's viewers in a process of its own, so that thousands of them are not limited by one
 * event loop: told how many to run, where and for how long, it answers their tally.
 */
import { emptyTally, viewer } from './viewers';

interface Round { type: 'round'; base: string; playlistPath: string; viewers: number; measureMs: number }

process.on('message', (message: Round) => {
  if (message.type !== 'round') return;
  const tally = emptyTally();
  const until = performance.now() + message.measureMs;
  void Promise.all(Array.from({ length: message.viewers }, () => viewer(message.base, message.playlistPath, until, tally))).then(() => process.send?.({ type: 'tally', tally }));
});
process.on('disconnect', () => process.exit(0));
process.send?.({ type: 'ready' });
