import type { Database } from "../../db/index.ts";
import { localTime } from "../../common/calendar.ts";
import { money } from "../../common/money.ts";
import { listParcels, markHandled, STATE_WORDS, type ListedParcel, type ParcelState } from "../../parcels/index.ts";
import { EXIT } from "../../app/exit-codes.ts";
import type { CommandResult } from "../../app/commands/result.ts";

/** One parcel in a few lines: order, PIN, state, the last event (local time), the dates that matter. */
export function describeParcel(p: ListedParcel): string {
  const head = `${p.order_id}  PIN ${p.tracking_pin}  ${p.service_code ?? ""}  ${STATE_WORDS[p.state]}${p.watch_ended ? " (no longer followed)" : ""}`;
  const lines = [head.replace(/\s{3,}/g, "  ")];
  if (p.last_event_text) {
    const when = p.last_event_at ? localTime(new Date(p.last_event_at)) : "";
    lines.push(`  last: ${[when, p.last_event_text, p.last_event_place].filter(Boolean).join(", ")}`);
  } else lines.push("  last: no scan yet");
  const dates = [];
  if (p.expected_delivery) dates.push(`expected ${p.expected_delivery}${p.changed_delivery && p.changed_delivery !== p.expected_delivery ? ` (Canada Post now says ${p.changed_delivery})` : ""}`);
  if (p.delivered_at) dates.push(`delivered ${localTime(new Date(p.delivered_at))}${p.signed_by ? `, signed by ${p.signed_by}` : ""}`);
  if (p.state === "attempted" && p.post_office) dates.push(`waits at ${p.post_office}${p.held_until ? ` until ${p.held_until}` : ""}`);
  if (p.late) dates.push(`LATE${p.guaranteed && p.paid !== null ? `: refund of ${money(p.paid)} to claim by ${p.claim_by}` : ""}`);
  if (p.proof_pdf_path) dates.push(`proof: ${p.proof_pdf_path}`);
  if (dates.length) lines.push(`  ${dates.join("; ")}`);
  return lines.join("\n");
}

/**
 * `shipdesk parcels [--state S] [--order ID]`: the parcels followed, with their state and last
 * event; `--done ORDER`: what the order's parcel needed is dealt with (it leaves status's list).
 */
export async function parcelsCommand(db: Database, a: { state?: ParcelState | undefined; order?: string | undefined; done?: string | undefined }, print: (text: string) => void): Promise<CommandResult> {
  if (a.done !== undefined) {
    const marked = await markHandled(db, a.done);
    if (marked.length === 0) {
      print(`Order ${a.done} has no parcel that needs a person now; shipdesk status lists those that do.`);
      return { exitCode: EXIT.usage, line: `parcels: nothing to mark done for ${a.done}` };
    }
    print(`Order ${a.done}: marked as dealt with (${marked.map((m) => `PIN ${m.tracking_pin}: ${m.attention}`).join("; ")}); it leaves shipdesk status until it needs a person for another reason.`);
    return { exitCode: EXIT.ok, line: `parcels: ${a.done} dealt with` };
  }
  const parcels = await listParcels(db, { state: a.state, orderId: a.order });
  if (parcels.length === 0) {
    const which = [a.state ? `in state ${a.state}` : "", a.order ? `of order ${a.order}` : ""].filter(Boolean).join(" ");
    print(`No parcel${which ? ` ${which}` : ""} is followed. Parcels are followed from the first shipdesk track (or --auto) after their label is bought.`);
    return { exitCode: EXIT.ok, line: "parcels: none" };
  }
  const counts = new Map<ParcelState, number>();
  for (const p of parcels) counts.set(p.state, (counts.get(p.state) ?? 0) + 1);
  print(parcels.map(describeParcel).join("\n"));
  print(`\n${parcels.length} parcel(s): ${[...counts].map(([s, n]) => `${STATE_WORDS[s]} ${n}`).join(", ")}`);
  return { exitCode: EXIT.ok, line: `parcels: ${parcels.length} listed` };
}
