import { afterAll, afterEach, beforeAll } from "bun:test";
import type { Database } from "../../src/db/index.ts";
import { freshServerDatabase, tempDir, type TestDatabase } from "./database.ts";
import { startCanadaPostSandbox, type RunningCanadaPostSandbox } from "./shipping.ts";

export interface LabelTests {
  /** The Canada Post sandbox of the API under test (carriers.ts), one for the file. */
  readonly cp: RunningCanadaPostSandbox;
  /** The test's own database (after `fresh`). */
  readonly db: Database;
  /** Its address, for a child process. */
  readonly url: string;
  /** The test's own labels folder (after `fresh`). */
  readonly labelsDir: string;
  /** A database and labels folder of the test's own, the sandbox emptied and its faults cleared. */
  fresh(label: string): Promise<void>;
}

/**
 * The set-up the tests that buy labels and then settle them share (end of day, voids): the
 * Canada Post sandbox started once for the file, and for each test, after `fresh(label)`, a
 * database named `<prefix>_<label>` and a labels folder of its own, both removed after it.
 */
export function labelTests(prefix: string): LabelTests {
  let cp: RunningCanadaPostSandbox | undefined;
  let t: TestDatabase | undefined;
  let labels: ReturnType<typeof tempDir> | undefined;
  beforeAll(() => {
    cp = startCanadaPostSandbox();
  });
  afterAll(async () => {
    await cp?.stop();
  });
  afterEach(async () => {
    await t?.drop();
    labels?.remove();
    t = undefined;
    labels = undefined;
  });
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is made by fresh(label) at the start of the test`);
    return value;
  };
  return {
    get cp() {
      return need(cp, "the sandbox");
    },
    get db() {
      return need(t, "the database").db;
    },
    get url() {
      return need(t, "the database").url;
    },
    get labelsDir() {
      return need(labels, "the labels folder").path;
    },
    async fresh(label) {
      t = await freshServerDatabase(`${prefix}_${label}`);
      labels = tempDir(`${prefix}-${label}`);
      need(cp, "the sandbox").state.reset();
      cp!.faults.clear();
    },
  };
}
