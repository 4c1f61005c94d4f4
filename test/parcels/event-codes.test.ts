import { describe, expect, test } from "bun:test";
import type { TrackingDetails, TrackingEvent } from "../../src/canadapost/index.ts";
import { DELIVERED_CODES, EVENT_CODES, meaningOf, readDetails, type EventMeaning } from "../../src/parcels/index.ts";

// Every "delivered" code the sources list (reference README §7 from karrio, devportal.md's
// additions, the live replies a 2026 client reported): each must be known as a delivery.
const DELIVERED_IN_THE_SOURCES = [
  "1408", "1409", ...Array.from({ length: 14 }, (_, i) => String(1421 + i)), "1441", "1442", "1496", "1497", "1498", "1499", "5300",
];

describe("Canada Post's event codes, as a table", () => {
  test("every delivered code the sources list is known, and means delivered", () => {
    for (const code of DELIVERED_IN_THE_SOURCES) expect({ code, meaning: EVENT_CODES.get(code) }).toEqual({ code, meaning: "delivered" });
    expect([...DELIVERED_CODES].sort()).toEqual([...DELIVERED_IN_THE_SOURCES].sort());
  });

  test("no code is in two groups", () => {
    const seen = new Map<string, EventMeaning>();
    for (const [code, meaning] of EVENT_CODES) {
      expect(seen.has(code)).toBe(false);
      seen.set(code, meaning);
    }
    expect(EVENT_CODES.size).toBeGreaterThan(100);
  });

  // code, Canada Post's words, what it means: the awkward ones first.
  const cases: [string, string, EventMeaning][] = [
    ["1496", "Item successfully delivered to sender", "returned"],
    ["1496", "Item returned to sender", "returned"],
    ["0100", "Item returned to sender", "returning"],
    ["1414", "Item being returned to sender. Item not claimed by addressee", "returning"],
    ["1415", "Item refused by addressee. Item being returned to sender", "returning"],
    ["0100", "Article retourné à l'expéditeur", "returning"],
    ["1442", "Livré à l'expéditeur", "returned"],
    ["0174", "Item out for delivery", "out_for_delivery"],
    ["174", "Item out for delivery", "out_for_delivery"],
    ["0500", "Out for delivery", "out_for_delivery"],
    ["1496", "Item successfully delivered", "delivered"],
    ["1442", "Delivered to your community mailbox, parcel locker or apt./condo mailbox", "delivered"],
    ["5300", "Delivered to a parcel box", "delivered"],
    ["1421", "Item picked up by recipient at the Post Office", "delivered"],
    ["0168", "Attempted delivery. Notice card left indicating where the item can be picked up", "attempted"],
    ["1410", "Item available for pickup at Post Office", "attempted"],
    ["0100", "Item processed at postal facility", "in_transit"],
    ["0173", "Customer addressing error found; attempting to correct. Possible delay", "in_transit"],
    ["20", "Signature image recorded for Online viewing", "info"],
    ["0020", "Signature image recorded for Online viewing", "info"],
    // Codes no source lists: their words decide.
    ["9901", "Item out for delivery", "out_for_delivery"],
    ["9902", "Notice card left; item available for pick up", "attempted"],
    ["9903", "Item delivered", "delivered"],
    ["9904", "Item in transit", "in_transit"],
  ];
  test.each(cases)("%s %s → %s", (code, words, meaning) => {
    expect(meaningOf(code, words)).toBe(meaning);
  });
});

const event = (code: string, description: string, date: string, time: string, extra: Partial<TrackingEvent> = {}): TrackingEvent => ({
  code,
  date,
  time,
  timeZone: "EST",
  description,
  signatory: undefined,
  site: "OTTAWA",
  province: "ON",
  retailLocationId: undefined,
  retailName: undefined,
  ...extra,
});

/** Events oldest first, given to readDetails newest first as Canada Post lists them. */
const details = (events: TrackingEvent[], extra: Partial<TrackingDetails> = {}): TrackingDetails => ({
  pin: "7023210039414604",
  expectedDeliveryDate: "2026-12-04",
  changedExpectedDate: undefined,
  changedReason: undefined,
  serviceName: "Expedited Parcel",
  returnPin: undefined,
  signatureImageExists: false,
  events: [...events].reverse(),
  ...extra,
});

describe("reading a parcel's events", () => {
  test("a return worded as a delivery is returned, never delivered", () => {
    const r = readDetails(
      details([
        event("0101", "Item accepted at the Post Office", "2026-12-01", "17:10:00"),
        event("0174", "Item out for delivery", "2026-12-04", "08:40:00"),
        event("1415", "Item refused by addressee. Item being returned to sender", "2026-12-04", "13:00:00"),
        event("0100", "Item processed at postal facility", "2026-12-05", "04:00:00"),
        event("1496", "Item successfully delivered", "2026-12-08", "14:00:00"),
      ]),
    )!;
    expect(r.state).toBe("returned");
    expect(r.deliveredAt).toBeUndefined();
    expect(r.deliveredOn).toBeUndefined();
  });

  test("a return label's PIN on the parcel: its delivery is the return's", () => {
    const r = readDetails(details([event("1496", "Item successfully delivered", "2026-12-08", "14:00:00")], { returnPin: "7023210039414611" }))!;
    expect(r.state).toBe("returned");
  });

  test("on the way back, out for delivery is still returning", () => {
    const r = readDetails(
      details([
        event("1414", "Item being returned to sender. Item not claimed by addressee", "2026-12-20", "09:00:00"),
        event("0174", "Item out for delivery", "2026-12-22", "08:30:00"),
      ]),
    )!;
    expect(r.state).toBe("returning");
  });

  test("the newest event a signature image: the parcel is delivered, signed by the name recorded", () => {
    // As in a real reply (karrio's test fixture), whose own mapping calls this parcel "in transit".
    const r = readDetails(
      details([
        event("0174", "Item out for delivery", "2026-12-04", "08:27:43"),
        event("1496", "Item successfully delivered", "2026-12-04", "13:59:52"),
        event("20", "Signature image recorded for Online viewing", "2026-12-04", "14:00:52", { signatory: "R GREGOIRE" }),
      ]),
    )!;
    expect(r.state).toBe("delivered");
    expect(r.signedBy).toBe("R GREGOIRE");
    expect(r.last.code).toBe("1496");
    expect(r.deliveredOn).toBe("2026-12-04");
    // 13:59:52 EST is 18:59:52 UTC, whatever the PC's zone.
    expect(r.deliveredAt!.toISOString()).toBe("2026-12-04T18:59:52.000Z");
  });

  test("a notice card: attempted, with the post office and the last day it holds the parcel; picked up later: delivered", () => {
    const notice = event("0168", "Attempted delivery. Notice card left indicating where the item can be picked up", "2026-12-04", "15:00:00", {
      retailName: "VANCOUVER PO",
      retailLocationId: "0123456",
      timeZone: "PST",
    });
    const waiting = readDetails(details([event("0174", "Item out for delivery", "2026-12-04", "08:30:00"), notice]))!;
    expect(waiting).toMatchObject({ state: "attempted", attempts: 1, postOffice: "VANCOUVER PO (post office 0123456)", heldUntil: "2026-12-19" });
    const picked = readDetails(details([notice, event("1421", "Item picked up by recipient at the Post Office", "2026-12-07", "11:00:00", { timeZone: "PST" })]))!;
    expect(picked).toMatchObject({ state: "delivered", attempts: 1, deliveredOn: "2026-12-07" });
  });

  test("no event: nothing to read (Canada Post has not scanned it)", () => {
    expect(readDetails(details([]))).toBeUndefined();
  });

  test("each Canadian zone's time is the same moment for the clerk", () => {
    const at = (timeZone: string, time: string) => readDetails(details([event("0100", "Item processed at postal facility", "2026-07-02", time, { timeZone })]))!.last.at.toISOString();
    expect(at("NDT", "12:30:00")).toBe("2026-07-02T15:00:00.000Z");
    expect(at("EDT", "11:00:00")).toBe("2026-07-02T15:00:00.000Z");
    expect(at("CST", "09:00:00")).toBe("2026-07-02T15:00:00.000Z");
    expect(at("PDT", "08:00:00")).toBe("2026-07-02T15:00:00.000Z");
  });
});
