import { useEffect, useRef } from 'react';

/**
 * A <video> showing one track. Always muted: sound plays through the media session's own audio elements,
 * so a view can unmount without cutting the speaker off.
 */
export function VideoTrack({ track, fit = 'contain', mirrored = false, label, standby = false }: { track: MediaStreamTrack; fit?: 'contain' | 'cover'; mirrored?: boolean; label?: string; standby?: boolean }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    video.srcObject = new MediaStream([track]);
    // Autoplay (muted) normally starts it; play() covers browsers that wait. Some return no promise.
    void Promise.resolve().then(() => video.play()).catch(() => undefined);
    return () => {
      video.srcObject = null;
    };
  }, [track]);
  return (
    <video
      ref={ref}
      className={`mv-video mv-video--${fit}${mirrored ? ' mv-video--mirrored' : ''}${standby ? ' mv-video--standby' : ''}`}
      autoPlay
      muted
      playsInline
      data-track-id={track.id}
      {...(label ? { 'aria-label': label } : { 'aria-hidden': true })}
    />
  );
}
