// Where a run that could not use its database (a damaged data folder, settings that did not
// load) keeps what it told a person, so that Task Scheduler's next run, failing the same way a
// quarter of an hour later, does not tell it again. Keys and fingerprints only, never a secret.
// A run that reaches its database deletes the file: the database is the record from then on.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ChannelName } from "./channel.ts";
import type { AlertStore } from "./store.ts";

export const FILE_STORE_NAME = "alerts-sent.json";

type Sent = Partial<Record<ChannelName, Record<string, string>>>;

function read(path: string): Sent {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
    return typeof parsed === "object" && parsed !== null ? (parsed as Sent) : {};
  } catch {
    // Missing or unreadable: nothing told yet, as far as this run can know.
    return {};
  }
}

function write(path: string, sent: Sent): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(sent));
  renameSync(temp, path);
}

export function fileStore(folder: string): AlertStore {
  const path = join(folder, FILE_STORE_NAME);
  return {
    async sent(channel) {
      return new Map(Object.entries(read(path)[channel] ?? {}));
    },
    async markSent(channel, units) {
      const sent = read(path);
      sent[channel] = { ...sent[channel], ...Object.fromEntries(units.map((u) => [u.key, u.fingerprint])) };
      write(path, sent);
    },
    async forgetResolved(channel, currentKeys) {
      const sent = read(path);
      const keep = new Set(currentKeys);
      sent[channel] = Object.fromEntries(Object.entries(sent[channel] ?? {}).filter(([key]) => keep.has(key)));
      write(path, sent);
    },
    // Without the database there is no status to list a failure in: the caller logs it.
    async outcome() {},
    async keepOnly(channels) {
      const sent = read(path);
      write(path, Object.fromEntries(Object.entries(sent).filter(([c]) => channels.includes(c as ChannelName))));
    },
  };
}

/** The database is reachable again: the file's record is no longer needed (or true). */
export function dropFileStore(folders: readonly string[]): void {
  for (const folder of folders) {
    const path = join(folder, FILE_STORE_NAME);
    if (existsSync(path)) rmSync(path, { force: true });
  }
}
