import { afterAll, describe, expect, test } from "bun:test";
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isLabelFileOf, isValidWindowsFileName, labelFileIsGood, labelFileName, labelsOnFile, proofFileName, sha256, writeLabelFile } from "../../src/labels/index.ts";
import { tempDir } from "../support/database.ts";

const dir = tempDir("labels");
afterAll(() => dir.remove());
const PDF = new TextEncoder().encode("%PDF-1.7\nlabel\n%%EOF");

describe("label file names are valid on Windows and never shared", () => {
  test("a plain order id and PIN read as they are", () => {
    expect(labelFileName("241907365-A", "7023210039414604")).toBe("label-241907365-A-7023210039414604.pdf");
  });

  test.each([
    ["colon", "A:1"],
    ["star", "A*1"],
    ["question mark", "A?1"],
    ["double quote", 'A"1'],
    ["angle brackets", "A<1>"],
    ["pipe", "A|1"],
    ["slashes", "A/1\\2"],
    ["control character", "A\u00011"],
    ["trailing dot", "ORDER."],
    ["trailing space", "ORDER "],
  ])("%s in the order id gives a valid name", (_rule, orderId) => {
    const name = labelFileName(orderId, "123");
    expect(isValidWindowsFileName(name)).toBe(true);
    expect(name.endsWith(".pdf")).toBe(true);
  });

  test("reserved device names (CON, NUL, COM1, LPT1) never stand alone", () => {
    for (const id of ["CON", "NUL", "com1", "LPT1", "AUX", "PRN"]) expect(isValidWindowsFileName(labelFileName(id, "1"))).toBe(true);
    expect(isValidWindowsFileName("CON.pdf")).toBe(false);
    expect(isValidWindowsFileName("nul")).toBe(false);
  });

  test("two orders never map to the same file: forbidden characters, and case (Windows ignores it)", () => {
    const ids = ["A:1", "A_1", "A*1", "A?1", "a_1", "A|1", "A 1", "A_1."];
    const names = ids.map((id) => labelFileName(id, "999"));
    expect(new Set(names).size).toBe(ids.length);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(ids.length);
  });

  test.each([
    ["colon", "7023:1"],
    ["slashes", "70/23\\1"],
    ["star and question mark", "70*23?"],
    ["quote, pipe, angle brackets", '7"0|2<3>'],
    ["control character", "7023\u0000"],
    ["trailing dot and space", "7023. "],
    ["reserved name", "NUL"],
  ])("%s in the PIN gives a valid name", (_rule, pin) => {
    expect(isValidWindowsFileName(labelFileName("241907365-A", pin))).toBe(true);
  });

  test("two orders never map to the same file: ids and PINs that differ only where Windows cannot tell", () => {
    const pairs: [string, string][] = [
      ["A", "1:2"],
      ["A", "1_2"],
      ["A", "1*2"],
      ["a", "1_2"],
      ["A:1", "2"],
      ["A", ":1-2"],
      ["A-", "1-2"],
      ["A_1", "2"],
      ["A.", "1_2"],
      ["A ", "1_2"],
      ["CON", "1"],
      ["con", "1"],
      ["A-1", "2"],
      ["A", "1-2"],
      ["X-1", "H1234567"],
      ["X", "1"],
    ];
    const names = pairs.map(([order, pin]) => labelFileName(order, pin));
    for (const name of names) expect(isValidWindowsFileName(name)).toBe(true);
    // Windows compares names without case: distinct even when lower-cased.
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(pairs.length);
  });

  test("very long ids are cut to a sensible length", () => {
    const name = labelFileName("X".repeat(300), "1".repeat(100));
    expect(name.length).toBeLessThan(140);
    expect(isValidWindowsFileName(name)).toBe(true);
  });
});

describe("which order a label file is of (a database that forgot its labels asks Canada Post first)", () => {
  test("plain names exactly: an order whose id starts as another's is not taken for it", () => {
    expect(isLabelFileOf(labelFileName("A-1", "1234567890123456"), "A-1")).toBe(true);
    expect(isLabelFileOf(labelFileName("A-1", "1234567890123456", "zpl"), "A-1")).toBe(true);
    expect(isLabelFileOf(labelFileName("A-1-2", "1234567890123456"), "A-1")).toBe(false);
    expect(isLabelFileOf(labelFileName("A-1", "1234567890123456"), "A-1-2")).toBe(false);
    expect(isLabelFileOf(labelFileName("A-12", "1234567890123456"), "A-1")).toBe(false);
    expect(isLabelFileOf("proof-A-1-1234567890123456.pdf", "A-1")).toBe(false);
    expect(isLabelFileOf(".label-A-1-1234567890123456.pdf.77.tmp", "A-1")).toBe(false);
  });

  test("hashed names (ids with characters Windows refuses, lower case): the order's own is always found", () => {
    for (const id of ["a/b 1", "ORDER:7", "con", "x".repeat(80)]) {
      expect(isLabelFileOf(labelFileName(id, "1234567890123456"), id)).toBe(true);
    }
    expect(isLabelFileOf(labelFileName("ORDER:7", "1234567890123456"), "ORDER:8")).toBe(false);
    // Same cleaned name, another order: the PIN reads back and the hash is made again.
    expect(isLabelFileOf(labelFileName("b/3", "333"), "b_3")).toBe(false);
    expect(isLabelFileOf(labelFileName("b_3", "333"), "b/3")).toBe(false);
    // A PIN with characters cleaned away cannot be read back: taken as a maybe (one lookup).
    expect(isLabelFileOf(labelFileName("b/3", "3 3"), "b_3")).toBe(true);
  });

  test("the folder is read once a run; a folder not made yet holds none", () => {
    const d = tempDir("labels-on-file");
    try {
      writeFileSync(join(d.path, labelFileName("B-1", "111")), "%PDF-");
      writeFileSync(join(d.path, labelFileName("b/3", "333")), "%PDF-");
      writeFileSync(join(d.path, labelFileName("B-1-4", "444", "zpl")), "^XA");
      writeFileSync(join(d.path, proofFileName("B-5", "555")), "%PDF-");
      const onFile = labelsOnFile(d.path);
      expect(["B-1", "b/3", "B-1-4", "B-2", "B-5", "B", "b_3"].filter(onFile)).toEqual(["B-1", "b/3", "B-1-4"]);
      writeFileSync(join(d.path, labelFileName("B-2", "222")), "%PDF-");
      expect(onFile("B-2")).toBe(false); // bought in this run: the database knows it
      expect(labelsOnFile(join(d.path, "not-yet"))("B-1")).toBe(false);
    } finally {
      d.remove();
    }
  });
});

describe("writing labels", () => {
  test("atomic write: the file holds the whole PDF, replaces an older one, and leaves no temp file", async () => {
    const first = await writeLabelFile(dir.path, "label-1.pdf", PDF);
    expect(first.ok).toBe(true);
    const again = await writeLabelFile(dir.path, "label-1.pdf", PDF);
    expect(again.ok && again.sha256).toBe(sha256(PDF));
    expect(readFileSync(join(dir.path, "label-1.pdf"))).toEqual(Buffer.from(PDF));
    expect(readdirSync(dir.path).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("a folder that cannot be written gives one sentence and no file", async () => {
    if (process.getuid?.() === 0) {
      // root may write anywhere: use a file where the folder should be instead.
      const notAFolder = join(dir.path, "not-a-folder");
      writeFileSync(notAFolder, "x");
      const result = await writeLabelFile(notAFolder, "label-2.pdf", PDF);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problem).toMatch(/^The labels folder .* is not a folder; .*next run saves it\)\.$/);
      return;
    }
    const locked = join(dir.path, "locked");
    require("node:fs").mkdirSync(locked);
    chmodSync(locked, 0o500);
    const result = await writeLabelFile(locked, "label-2.pdf", PDF);
    expect(result.ok).toBe(false);
    expect(existsSync(join(locked, "label-2.pdf"))).toBe(false);
  });

  test("a label file is good only when it is there, a PDF and the recorded checksum", () => {
    const path = join(dir.path, "label-3.pdf");
    writeFileSync(path, PDF);
    expect(labelFileIsGood(path, sha256(PDF))).toBe(true);
    expect(labelFileIsGood(path, "0".repeat(64))).toBe(false);
    writeFileSync(path, "not a pdf");
    expect(labelFileIsGood(path, null)).toBe(false);
    expect(labelFileIsGood(join(dir.path, "missing.pdf"), null)).toBe(false);
  });
});
