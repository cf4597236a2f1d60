export { streamNowOf, streamElapsedS, SpeechRecordingSchema, StreamInfoSchema } from './streamNow';
export type { StreamNow, SpeechRecording, StreamInfo } from './streamNow';
