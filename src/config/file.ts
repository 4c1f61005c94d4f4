// Where the settings file is, and its text: UTF-8 TOML, or a sentence saying what to fix.
import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { ConfigError } from "./errors.ts";
import { SECRET_KEYS } from "./env.ts";

export const SETTINGS_FILE_NAME = "shipdesk.toml";

export interface LoadOptions {
  /** `--config PATH`: this file and no other; it must exist. */
  configPath?: string | undefined;
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** The folder of the running binary; the settings file is looked for there first. */
  programDir?: string;
  platform?: NodeJS.Platform;
}

/** `path` taken from `base` unless absolute (a Windows drive or UNC path counts, wherever this runs). */
export function absolute(path: string, base: string): string {
  if (/^[A-Za-z]:[\\/]/.test(path) || path.startsWith("\\\\")) return path;
  return isAbsolute(path) ? path : resolve(base, path);
}

/** True when running as the compiled binary rather than `bun src/cli.ts`. */
export function isCompiledBinary(): boolean {
  return import.meta.path.includes("$bunfs") || import.meta.path.includes("~BUN");
}

export function programFolder(): string | undefined {
  return isCompiledBinary() ? dirname(process.execPath) : undefined;
}

/** Beside the binary first (Task Scheduler starts in C:\Windows\System32), then the working folder. */
export function findSettingsFile(options: LoadOptions): string | undefined {
  const cwd = options.cwd ?? process.cwd();
  if (options.configPath) {
    const path = resolve(cwd, options.configPath);
    if (!existsSync(path)) {
      throw new ConfigError(
        `The settings file ${path} given with --config does not exist; check the path or leave out --config to use ${SETTINGS_FILE_NAME} beside the program.`,
        "--config",
      );
    }
    return path;
  }
  const programDir = options.programDir ?? programFolder();
  for (const dir of [programDir, cwd]) {
    if (!dir) continue;
    const path = join(dir, SETTINGS_FILE_NAME);
    if (existsSync(path)) return path;
  }
  return undefined;
}

export function parseFile(path: string): Record<string, unknown> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new ConfigError(
      `The settings file ${path} cannot be read (${(error as { code?: string }).code ?? "unknown error"}); check that it exists and this user may read it.`,
    );
  }
  const text = utf8Text(path, bytes);
  try {
    return Bun.TOML.parse(text) as Record<string, unknown>;
  } catch (error) {
    const detail = (error as Error).message.replace(/\s+/g, " ").trim();
    throw new ConfigError(
      `The settings file ${path} is not valid TOML (${detail}); fix that line, for example put text values in "quotes".`,
    );
  }
}

/**
 * The file as UTF-8, or a sentence naming the first line that is not: Notepad's "ANSI" (Windows
 * Latin-1) turns Montréal's é into a byte that UTF-8 does not have, and reading it leniently
 * sent "Montr\uFFFDal" to Canada Post on every label. A byte-order mark is dropped.
 */
function utf8Text(path: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const line = firstBadLine(bytes);
    throw new ConfigError(
      `The settings file ${path} is not saved as UTF-8 (line ${line.number}: ${line.text}); open it in Notepad, choose File > Save As with Encoding "UTF-8", and run shipdesk again.`,
    );
  }
}

const SECRET_NAMES = new Set([...SECRET_KEYS].map((k) => k.split(".").at(-1)!));

/** The first line that does not decode, shown with "?" for the bytes UTF-8 refuses. */
function firstBadLine(bytes: Uint8Array): { number: number; text: string } {
  const strict = new TextDecoder("utf-8", { fatal: true });
  let start = 0;
  for (let number = 1; start <= bytes.length; number++) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const line = bytes.subarray(start, end);
    try {
      strict.decode(line);
    } catch {
      const text = new TextDecoder("utf-8").decode(line).replace(/\uFFFD/g, "?").trim();
      // A secret's line is named by its key alone: its value is never printed, not even here.
      const key = /^["']?([A-Za-z0-9_]+)["']?\s*=/.exec(text)?.[1];
      if (key && SECRET_NAMES.has(key)) return { number, text: `${key} = …` };
      return { number, text: text.length > 60 ? `${text.slice(0, 60)}…` : text };
    }
    start = end + 1;
  }
  return { number: 1, text: "" };
}

