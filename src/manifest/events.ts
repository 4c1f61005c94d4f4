/** What the end of day tells the screen as it goes. */
export type EndOfDayEvent =
  | { type: "busy" }
  | { type: "nothing"; message: string }
  | { type: "blocked"; groupId: string; orderIds: string[]; message: string }
  | { type: "transmitting"; groupIds: string[]; labels: number }
  | { type: "transmitted"; groupIds: string[]; manifests: number }
  | { type: "refused"; groupIds: string[]; message: string; needsPerson: boolean }
  | { type: "settled"; groupIds: string[]; transmitted: boolean; message: string }
  | { type: "voided"; orderId: string; message: string }
  | { type: "manifest-saved"; poNumber: string; path: string; shipments: number }
  | { type: "failed"; message: string }
  | { type: "unreachable"; message: string };

export interface EndOfDaySummary {
  /** Groups Canada Post transmitted in this run (a settled lost reply counts too). */
  transmitted: string[];
  /** Manifest PDFs saved in this run. */
  saved: { poNumber: string; path: string }[];
  /** Groups left open because a label in them is in doubt: `shipdesk ship` settles it first. */
  blocked: { groupId: string; orderIds: string[]; message: string }[];
  /** Canada Post said no, or a file could not be written: a person must look. */
  failed: string[];
  /** Canada Post's refusals of a transmit, with its words (settled label by label). */
  refused: string[];
  /** Labels found cancelled at Canada Post that shipdesk had not voided: do not ship with them. */
  voided: string[];
  /** No answer from Canada Post: the next run picks up from here, never transmitting twice. */
  unreachable: string[];
  /** Another end of day holds the lock. */
  busy: boolean;
  /** Why nothing was done, when nothing was. */
  nothing: string | undefined;
}

export const emptyEndOfDay = (): EndOfDaySummary => ({
  transmitted: [],
  saved: [],
  blocked: [],
  failed: [],
  refused: [],
  voided: [],
  unreachable: [],
  busy: false,
  nothing: undefined,
});

export const endOfDayNeedsPerson = (s: EndOfDaySummary): boolean => s.failed.length > 0 || s.blocked.length > 0 || s.voided.length > 0;
