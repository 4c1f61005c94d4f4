import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../support/database.ts";

const ROOT = join(import.meta.dir, "../..");
const EXIT_MARK = "SHIPDESK-EXIT=";

/**
 * `bun src/cli.ts` in a real terminal: a tmux session on its own server socket (so the test
 * never touches anyone's tmux), in an empty folder (no shipdesk.toml: sandbox mode), with its
 * own embedded database and labels folder.
 */
export interface Terminal {
  dataDir: string;
  labelsDir: string;
  /** The visible screen, wrapped lines joined. */
  screen(): string;
  /** Everything printed so far, scrolled-off lines included; lines the terminal wrapped are joined. */
  history(): string;
  /** Everything printed so far, as the terminal shows it: one entry per screen row. */
  rows(): string[];
  keys(...keys: string[]): void;
  /** Types text literally (no key names). */
  type(text: string): void;
  waitFor(pattern: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Waits for the program to end; its exit code. */
  exitCode(timeoutMs?: number): Promise<number>;
  close(): void;
}

function tmux(socket: string, args: string[]): string {
  const r = Bun.spawnSync(["tmux", "-L", socket, ...args], { stdout: "pipe", stderr: "pipe" });
  if (r.exitCode !== 0) throw new Error(`tmux ${args[0]} failed: ${r.stderr.toString()}`);
  return r.stdout.toString();
}

const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

/** The folders a desk runs in: an empty working folder, the data and labels folders. */
export interface DeskFolders {
  path: string;
  cwd: string;
  dataDir: string;
  labelsDir: string;
  remove(): void;
}

export function deskFolders(label: string): DeskFolders {
  const dir = tempDir(`tui-${label}`);
  const cwd = join(dir.path, "cwd");
  mkdirSync(cwd);
  return { path: dir.path, cwd, dataDir: join(dir.path, "data"), labelsDir: join(dir.path, "labels"), remove: dir.remove };
}

/**
 * `extraEnv` points it elsewhere (sandboxes the test started, to seed awkward orders); `folders`
 * runs it where earlier commands of the test left their data (removed on close either way).
 */
export function startShipdesk(label: string, extraEnv: Record<string, string> = {}, folders: DeskFolders = deskFolders(label), size: { columns: number; rows: number } = { columns: 160, rows: 50 }): Terminal {
  const dir = folders;
  const { cwd, dataDir, labelsDir } = folders;
  const socket = `shipdesk-test-${process.pid}-${label}`;
  // A clean environment: nothing from the test runner (DATABASE_URL, a base URL) may leak in.
  const env = [`PATH=${process.env.PATH ?? "/usr/bin:/bin"}`, `HOME=${dir.path}`, "TERM=xterm-256color", "LANG=C.UTF-8", `SHIPDESK_DATA_DIR=${dataDir}`, `SHIPDESK_LABELS_DIR=${labelsDir}`, ...Object.entries(extraEnv).map(([k, v]) => `${k}=${v}`)];
  const command = `env -i ${env.map(quote).join(" ")} ${quote(process.execPath)} ${quote(join(ROOT, "src/cli.ts"))}; echo ${EXIT_MARK}$?; sleep 600`;
  tmux(socket, ["-f", "/dev/null", "new-session", "-d", "-s", "desk", "-x", String(size.columns), "-y", String(size.rows), "-c", cwd, command]);

  const screen = () => tmux(socket, ["capture-pane", "-p", "-J", "-t", "desk"]);
  const history = () => tmux(socket, ["capture-pane", "-p", "-J", "-S", "-2000", "-t", "desk"]);
  const waitFor = async (pattern: string | RegExp, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = screen();
      if (typeof pattern === "string" ? text.includes(pattern) : pattern.test(text)) return text;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)}; the screen:\n${history()}`);
      await Bun.sleep(100);
    }
  };
  return {
    dataDir,
    labelsDir,
    screen,
    history,
    rows: () => tmux(socket, ["capture-pane", "-p", "-S", "-2000", "-t", "desk"]).split("\n"),
    keys: (...keys) => void tmux(socket, ["send-keys", "-t", "desk", ...keys]),
    type: (text) => void tmux(socket, ["send-keys", "-t", "desk", "-l", text]),
    waitFor,
    async exitCode(timeoutMs = 15_000) {
      const text = await waitFor(new RegExp(`${EXIT_MARK}\\d+`), timeoutMs);
      return Number(new RegExp(`${EXIT_MARK}(\\d+)`).exec(text)![1]);
    },
    close() {
      try {
        tmux(socket, ["kill-server"]);
      } catch {
        // already gone
      }
      dir.remove();
    },
  };
}

/** Moves a select's cursor down to the option naming `text` (clack marks the active one ●). */
export async function moveTo(t: Terminal, text: string, tries = 14): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (t.screen().split("\n").find((l) => /^│\s+●\s/u.test(l))?.includes(text)) return;
    t.keys("Down");
    await Bun.sleep(150);
  }
  throw new Error(`no option "${text}" on the screen:\n${t.history()}`);
}
