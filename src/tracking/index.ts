export { pushTracking, type TrackOptions } from "./workflow.ts";
export type { TrackingDeps, TrackingCheckpoint } from "./deps.ts";
export { emptySummary, needsPerson, tryAgainLater, type TrackingEvent, type TrackingFailure, type TrackingSummary } from "./events.ts";
export { trackingNeedsPerson, clearTrackingAttention, type TrackingForPerson } from "./needs-person.ts";
