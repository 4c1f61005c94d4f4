/** What the workflow tells the screen (TUI progress, --auto log lines) as it goes. */
export type TrackingEvent =
  | { type: "checking"; shipments: number }
  | { type: "tracking-sent"; orderId: string; pin: string }
  | { type: "shipped-at-bestbuy"; orderId: string; confirmedBy: "reply" | "read-back" }
  | { type: "updated"; orderId: string; pin: string }
  | { type: "failed"; orderId: string; message: string; attempts: number }
  | { type: "flagged"; orderId: string; message: string }
  | { type: "cancelled"; orderId: string; message: string }
  | { type: "unavailable"; orderId: string; message: string }
  | { type: "not-attempted"; orderId: string }
  | { type: "out-of-time"; orderId: string }
  | { type: "busy"; orderId: string };

export interface TrackingFailure {
  orderId: string;
  /**
   * `rejected`: Best Buy said no. `unknown`: OR24 may or may not have happened (settled by the
   * next run). `unavailable`: Best Buy could not be reached; the run stopped here.
   */
  kind: "rejected" | "unknown" | "unavailable";
  /** The clerk's sentence: what was asked, and what Best Buy answered. */
  message: string;
  /** Best Buy's own words, as it sent them. */
  messages: string[];
  /** Failed tries so far for this shipment (an outage is not counted against it). */
  attempts: number;
}

export interface TrackingSummary {
  /** Tracking taken and order marked shipped at Best Buy; shipment `tracking_updated`, order `shipped`. */
  updated: string[];
  /** Tried and not done, with Best Buy's words; the next run tries again unless it is also in `flagged`. */
  failed: TrackingFailure[];
  /** Tried too often or too long: flagged for a person in this run (`shipments.attention`). */
  flagged: { orderId: string; message: string }[];
  /** Cancelled at Best Buy after its label was bought: flagged, never shipped; the label should be voided. */
  cancelled: { orderId: string; message: string }[];
  /** True when Best Buy could not be reached: the run stopped early; try again later. */
  unavailable: boolean;
  /** Why Best Buy was taken to be down (the first `unavailable` answer), when it was. */
  unavailableMessage: string | undefined;
  /** Best Buy refused shipdesk's API key (401): the settings need fixing; nothing was counted. */
  keyRefused: string | undefined;
  /** Left untouched because Best Buy was down. */
  notAttempted: string[];
  /** Another shipdesk was working on these at the same moment. */
  busy: string[];
  /** Not started: the run's time (run.max_minutes) was spent; the next run reports them. */
  outOfTime: string[];
}

export const emptySummary = (): TrackingSummary => ({
  updated: [],
  failed: [],
  flagged: [],
  cancelled: [],
  unavailable: false,
  unavailableMessage: undefined,
  keyRefused: undefined,
  notAttempted: [],
  busy: [],
  outOfTime: [],
});

/** Whether a person has something to do after this run (the retries in `failed` are automatic). */
export const needsPerson = (s: TrackingSummary): boolean => s.flagged.length > 0 || s.cancelled.length > 0;

/** Whether the run should be repeated later because Best Buy was down. */
export const tryAgainLater = (s: TrackingSummary): boolean => s.unavailable;
