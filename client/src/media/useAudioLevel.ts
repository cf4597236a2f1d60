import { useEffect, useState } from 'react';

/** Level readings per second: enough for a meter, cheap for a laptop. */
const LEVEL_UPDATES_PER_S = 15;

/**
 * The loudness of an audio track from 0 to 1 (RMS of the waveform, scaled so speech reaches the upper
 * half), read with an AnalyserNode. 0 while there is no track.
 */
export function useAudioLevel(track: MediaStreamTrack | null): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (!track || typeof AudioContext === 'undefined') return;
    const context = new AudioContext();
    const source = context.createMediaStreamSource(new MediaStream([track]));
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const timer = window.setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      setLevel(Math.min(1, Math.sqrt(sum / samples.length) * 4));
    }, 1000 / LEVEL_UPDATES_PER_S);
    void context.resume().catch(() => undefined);
    return () => {
      window.clearInterval(timer);
      source.disconnect();
      void context.close();
      setLevel(0);
    };
  }, [track]);
  return level;
}
