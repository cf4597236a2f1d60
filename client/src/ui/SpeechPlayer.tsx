import { useEffect, useRef } from 'react';

/**
 * One speech's VOD playlist through hls.js (loaded with the player, so no console carries it before it plays), the
 * session token on every request: the organiser's Ghi hình tab and the secretaries' "Nghe lại" (LS3, LS12).
 */
export function SpeechPlayer({ src, token }: { src: string; token: string }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    let destroy = () => {};
    let stopped = false;
    void import('hls.js/light').then(({ default: Hls }) => {
      if (stopped || !video.current) return;
      const hls = new Hls({ xhrSetup: (xhr) => xhr.setRequestHeader('authorization', `Bearer ${token}`) });
      hls.loadSource(src);
      hls.attachMedia(video.current);
      destroy = () => hls.destroy();
    });
    return () => {
      stopped = true;
      destroy();
    };
  }, [src, token]);
  return <video ref={video} controls autoPlay className="recording-player" data-testid="recording-player" />;
}
