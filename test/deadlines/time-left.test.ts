// The time left before Best Buy's shipping deadline, in the clerk's local time, from a clock the
// test fixes. Vancouver: 8 h behind UTC in December, so a UTC reading would show the wrong day.
import { expect, test } from "bun:test";
import { byDeadline, parseDeadline, timeLeft } from "../../src/deadlines/index.ts";
import { useTimeZone } from "../support/time-zone.ts";

useTimeZone("America/Vancouver");

const at = (iso: string) => new Date(iso);
// 2026-12-03 14:50 in Vancouver.
const NOW = at("2026-12-03T22:50:00Z");

test.each([
  ["later today", "2026-12-04T01:00:00Z", "today", "ships by today 17:00 — 2 h 10 min"],
  ["a few minutes", "2026-12-03T23:00:30Z", "today", "ships by today 15:00 — 10 min"],
  ["under a minute", "2026-12-03T22:50:40Z", "today", "ships by today 14:50 — less than a minute"],
  ["exactly now is not yet overdue", "2026-12-03T22:50:00Z", "today", "ships by today 14:50 — less than a minute"],
  ["half a minute past: overdue by 1 min", "2026-12-03T22:49:30Z", "overdue", "ships by today 14:49 — overdue by 1 min"],
  ["overdue since this morning", "2026-12-03T17:45:00Z", "overdue", "ships by today 09:45 — overdue by 5 h 5 min"],
  ["overdue since yesterday", "2026-12-03T07:59:59Z", "overdue", "ships by yesterday 23:59 — overdue by 14 h 51 min"],
  // 23:59:59Z on the 4th is 15:59 on the 4th in Vancouver: tomorrow, not the day after.
  ["tomorrow (Best Buy writes UTC)", "2026-12-04T23:59:59Z", "later", "ships by tomorrow 15:59 — 1 d 1 h"],
  ["next week", "2026-12-09T08:00:00Z", "later", "ships by Wed 2026-12-09 00:00 — 5 d 9 h"],
  ["a whole number of hours", "2026-12-04T02:50:00Z", "today", "ships by today 18:50 — 4 h"],
])("%s", (_what, deadline, urgency, text) => {
  const left = timeLeft(parseDeadline(deadline), NOW);
  expect(left.urgency as string).toBe(urgency);
  expect(left.text).toBe(text);
});

test("no deadline: said so, never urgent", () => {
  expect(timeLeft(undefined, NOW)).toMatchObject({ urgency: "none", text: "no shipping deadline" });
});

test("what Best Buy writes is read as a moment; anything else is no deadline", () => {
  expect(parseDeadline("2026-12-09T23:59:59Z")?.toISOString()).toBe("2026-12-09T23:59:59.000Z");
  expect(parseDeadline("2026-12-09T17:00:00-05:00")?.toISOString()).toBe("2026-12-09T22:00:00.000Z");
  // A bare day is the end of that local day.
  expect(parseDeadline("2026-12-09")?.toISOString()).toBe("2026-12-10T07:59:59.000Z");
  for (const bad of ["", "soon", "12/09/2026", "2026-13-45T10:00:00Z", null, 42]) expect(parseDeadline(bad)).toBeUndefined();
});

test("earliest deadline first, orders without one last, ties kept in the order given", () => {
  const orders = [
    { id: "none", d: undefined },
    { id: "later", d: "2026-12-05T00:00:00Z" },
    { id: "first-a", d: "2026-12-03T00:00:00Z" },
    { id: "first-b", d: "2026-12-03T00:00:00Z" },
    { id: "bad", d: "whenever" },
  ];
  expect(byDeadline(orders, (o) => parseDeadline(o.d)).map((o) => o.id)).toEqual(["first-a", "first-b", "later", "none", "bad"]);
});
