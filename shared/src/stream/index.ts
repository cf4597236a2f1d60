export { streamNowOf, streamElapsedS, SpeechRecordingSchema, StreamInfoSchema, StreamNoticeSchema, StreamWarningSchema } from './streamNow';
export type { StreamNow, SpeechRecording, StreamInfo, StreamNotice, StreamWarning } from './streamNow';
