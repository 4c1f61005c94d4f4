import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { LoadOptions } from "../../src/config/index.ts";
import { tempDir } from "./database.ts";

/**
 * shipdesk.toml files for settings tests, each in a folder of its own (owner-only, as the README
 * asks), loaded with no environment; `remove` deletes them all.
 */
export function settingsFiles(label: string) {
  const dir = tempDir(label);
  let n = 0;
  return {
    dir,
    withFile(toml: string, extra: Partial<LoadOptions> = {}): LoadOptions {
      const sub = join(dir.path, `case${n++}`);
      mkdirSync(sub, { recursive: true });
      const path = join(sub, "shipdesk.toml");
      writeFileSync(path, toml, { mode: 0o600 });
      return { configPath: path, env: {}, cwd: sub, ...extra };
    },
    remove: () => dir.remove(),
  };
}
