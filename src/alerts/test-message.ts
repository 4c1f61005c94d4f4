// `shipdesk alerts test`: one test message on each channel, and what answered.
import type { AlertSettings } from "../config/index.ts";
import { deliver, type AlertDeps } from "./after-run.ts";
import { isSettingsFault, type Channel, type Delivery } from "./channel.ts";
import { introOf, shipdeskName, type Origin } from "./compose.ts";
import type { AlertMessage } from "./message.ts";

export function testMessage(a: AlertSettings, origin: Origin): AlertMessage {
  const summary = a.dailySummaryAt ? `The day's summary comes once a day, with the first run at or after ${a.dailySummaryAt}.` : "No daily summary is set (alerts.daily_summary_at).";
  return {
    kind: "test",
    title: `${shipdeskName(origin)}: test alert`,
    intro: introOf(origin),
    sections: [
      {
        heading: "This is a test: nothing needs a person.",
        lines: [
          "Someone ran shipdesk alerts test. From now on, after each scheduled run (shipdesk --auto) and each run of the desk, a message comes here when something new needs a person: orders that will miss their shipping deadline today unless someone acts, a label refused or bought but not saved, an end of day in doubt, a run stopped on its settings or on an error. Each problem is told once, again if it changes, or if it comes back after being fixed.",
          summary,
        ],
      },
    ],
    footer: "What needs a person, with its fix: shipdesk status.",
    data: { mode: origin.mode, host: origin.host },
  };
}

export interface TestResult {
  channel: Channel;
  delivery: Delivery;
}

/** Sends the test message on every channel; a delivery clears a failure status listed. */
export async function sendTestMessages(deps: Pick<AlertDeps, "store" | "log" | "channels" | "origin">, a: AlertSettings): Promise<TestResult[]> {
  const message = testMessage(a, deps.origin);
  const results: TestResult[] = [];
  for (const channel of deps.channels) results.push({ channel, delivery: await deliver(deps, channel, message) });
  return results;
}

/** The line the clerk reads for one channel. */
export function testLine(r: TestResult): string {
  return r.delivery.ok ? `Sent: ${r.channel.described}; it answered ${r.delivery.answered}.` : `Not sent: ${r.delivery.sentence}`;
}

/** 0: every channel took it; 2: a setting to fix; 3: a server that did not answer (or had a fault). */
export function testExitCode(results: readonly TestResult[]): 0 | 2 | 3 {
  const failed = results.flatMap((r) => (r.delivery.ok ? [] : [r.delivery.code]));
  if (failed.some(isSettingsFault)) return 2;
  return failed.length > 0 ? 3 : 0;
}
