import { readHostFile, type HostFile } from "../../../src/db/host/file.ts";
import { alive } from "../../../src/db/lock.ts";

export async function waitForLine(stream: ReadableStream<Uint8Array>, line: string): Promise<void> {
  const reader = stream.getReader();
  let seen = "";
  while (!seen.includes(line)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`child ended before printing "${line}": ${seen}`);
    seen += new TextDecoder().decode(value);
  }
  reader.releaseLock();
}

export function hostOf(folder: string): HostFile {
  const file = readHostFile(folder);
  if (!file) throw new Error(`no host file in ${folder}`);
  return file;
}

export const gone = (pid: number): boolean => !alive(pid);

export async function until(check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("waited in vain");
    await Bun.sleep(50);
  }
}
