/** hls.js ships no types for its light build (no subtitles, alternate audio or DRM): the same API as the full one. */
declare module 'hls.js/light' {
  import Hls from 'hls.js';
  export default Hls;
}
