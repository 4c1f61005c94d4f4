import { describe, expect, test } from "bun:test";
import { asciiSymbols, forConsole } from "../../src/app/console-text.ts";
import { COMMANDS, generalHelp } from "../../src/cli/help.ts";

describe("text on the Windows console", () => {
  test("symbols the console fonts lack become ASCII; the accented letters of Quebec stay", () => {
    expect(asciiSymbols("shipdesk ship [--retry ORDER …]")).toBe("shipdesk ship [--retry ORDER ...]");
    expect(asciiSymbols("Montréal → Trois-Rivières — 30×20×10 cm · Côté")).toBe("Montréal -> Trois-Rivières - 30x20x10 cm - Côté");
    expect(asciiSymbols("Île-du-Prince-Édouard, «cœur»")).toBe('Île-du-Prince-Édouard, "coeur"');
    expect(asciiSymbols("Łódź 🚀")).toBe("Lódz ?");
  });

  test("everything shipdesk prints ends up in Latin-1 on a Windows console", () => {
    for (const text of [generalHelp("0.1.0"), ...Object.values(COMMANDS).map((c) => `${c.usage} ${c.about} ${c.details ?? ""}`)]) {
      expect(asciiSymbols(text)).toMatch(/^[\u0000-\u00ff]*$/);
    }
  });

  test("only a Windows console is touched: files, pipes and Linux keep the exact text", () => {
    const text = "Montréal → …";
    expect(forConsole(text, { platform: "win32", isTTY: true })).toBe("Montréal -> ...");
    expect(forConsole(text, { platform: "win32", isTTY: false })).toBe(text);
    expect(forConsole(text, { platform: "win32", isTTY: undefined })).toBe(text);
    expect(forConsole(text, { platform: "linux", isTTY: true })).toBe(text);
  });
});
