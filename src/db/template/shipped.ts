import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { DatabaseError } from "../errors.ts";
import { lockFolder } from "../lock.ts";
import { migrations } from "../migrations.ts";
import { PGLITE_ASSETS, START_PARAMS } from "../pglite.ts";

/** The name scripts/build.ts embeds the shipped database under (`bun build --asset`). */
export const SHIPPED_NAME = "shipdesk-pgdata.tar.gz";

// From source, the shipped database is made on demand into build/ (ignored by git), once for
// each set of migrations and PGlite build: a clean clone needs no step of its own.
const SOURCE_CACHE = join(import.meta.dir, "../../../build/embedded-db");
const GENERATE = join(import.meta.dir, "generate.ts");
const GENERATE_TIMEOUT_MS = 180_000;

/** Inside a `bun build --compile` binary, modules live in Bun's virtual folder. */
const compiled = /[\\/]\$bunfs[\\/]|~BUN/.test(import.meta.dir);

/**
 * The gzipped tar of a new, migrated database folder (see build.ts). Read again each time, not
 * kept: a process needs it once, and holding its 4.6 MB (and the copy Bun.embeddedFiles makes)
 * showed in a new database's peak memory (BENCHMARKS.md).
 */
export async function shippedDatabase(): Promise<Uint8Array<ArrayBuffer>> {
  const embedded = Bun.embeddedFiles.find((f) => (f as File).name === SHIPPED_NAME);
  if (embedded) return new Uint8Array(await embedded.arrayBuffer());
  if (compiled) throw new Error(`${SHIPPED_NAME} is missing from this shipdesk build (scripts/build.ts embeds it)`);
  return fromSource();
}

/** What the shipped database depends on: a change to any of them makes a new one. */
function sourceKey(): string {
  const hash = new Bun.CryptoHasher("sha256");
  hash.update(JSON.stringify({ format: 3, startParams: START_PARAMS, assets: PGLITE_ASSETS.map((a) => Bun.file(a).size) }));
  for (const m of migrations) hash.update(`${m.name}\n${m.sql}\n`);
  return hash.digest("hex").slice(0, 16);
}

async function fromSource(): Promise<Uint8Array<ArrayBuffer>> {
  const file = join(SOURCE_CACHE, `pgdata-${sourceKey()}.tar.gz`);
  const deadline = Date.now() + GENERATE_TIMEOUT_MS;
  mkdirSync(SOURCE_CACHE, { recursive: true });
  for (;;) {
    if (existsSync(file)) return readFileSync(file);
    if (Date.now() > deadline) throw new Error(`the shipped database was not made within ${GENERATE_TIMEOUT_MS / 1000} s (${file})`);
    // Several shipdesks from source (the tests) may need it at once: one makes it, the rest wait.
    let lock;
    try {
      lock = lockFolder(SOURCE_CACHE);
    } catch (error) {
      if (error instanceof DatabaseError && error.code === "LOCKED") {
        await Bun.sleep(250);
        continue;
      }
      throw error;
    }
    try {
      if (!existsSync(file)) await generate(file);
    } finally {
      lock.release();
    }
  }
}

async function generate(file: string): Promise<void> {
  const child = Bun.spawn([process.execPath, GENERATE, file], { stdin: "ignore", stdout: "pipe", stderr: "pipe" });
  const [out, err, code] = await Promise.all([new Response(child.stdout).text(), new Response(child.stderr).text(), child.exited]);
  if (code !== 0) throw new Error(`making the shipped database failed (exit ${code}): ${err || out}`);
  for (const name of readdirSync(SOURCE_CACHE)) {
    if (/^pgdata-[0-9a-f]+\.tar\.gz$/.test(name) && join(SOURCE_CACHE, name) !== file) unlinkSync(join(SOURCE_CACHE, name));
  }
}
