// One alert as every channel sends it: a title, sections of plain lines, and the same facts as
// data for a JSON receiver.

export type MessageKind = "problems" | "daily_summary" | "test";

export interface MessageSection {
  /** "label refused: 3 orders (A, B and C); new: C". */
  heading: string;
  lines: string[];
}

export interface AlertMessage {
  kind: MessageKind;
  /** The e-mail's subject, the card's heading. */
  title: string;
  /** One line under the title: where it comes from, when. */
  intro: string;
  sections: MessageSection[];
  /** The last line: where to see everything. */
  footer: string;
  /** What a JSON receiver gets beside the text (webhook_format = "json"). */
  data: Record<string, unknown>;
}

/** The message as plain text: an e-mail's body, a Slack message's text. */
export function plainText(m: AlertMessage): string {
  const blocks = [m.intro, ...m.sections.map((s) => [s.heading, ...s.lines.map((l) => `  ${l}`)].join("\n")), m.footer];
  return blocks.filter((b) => b !== "").join("\n\n");
}
