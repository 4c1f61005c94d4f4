export { runEndOfDay, endOfDayDue } from "./end-of-day.ts";
export type { EndOfDayDeps, EndOfDayCheckpoint } from "./deps.ts";
export { emptyEndOfDay, endOfDayNeedsPerson, type EndOfDayEvent, type EndOfDaySummary } from "./events.ts";
export { manifestFileName } from "./download.ts";
