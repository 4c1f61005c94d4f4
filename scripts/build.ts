// `bun run build`: build/shipdesk (linux-x64) and build/shipdesk.exe (windows-x64), each one
// file with the SQL, PGlite's assets and the shipped database (a new, migrated embedded
// database, made here so that the clerk's PC never runs initdb) inside. The Windows runtime
// comes from the npm registry (@oven/bun-windows-x64), never from elsewhere.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SHIPPED_NAME } from "../src/db/template/shipped.ts";

const root = join(import.meta.dir, "..");
const out = join(root, "build");
mkdirSync(out, { recursive: true });
const bun = process.execPath;
const only = process.argv[2]; // "linux" | "windows" | undefined (both)

async function run(cmd: string[], cwd = root): Promise<void> {
  const proc = Bun.spawn(cmd, { cwd, stdout: "inherit", stderr: "inherit" });
  const code = await proc.exited;
  if (code !== 0) throw new Error(`${cmd.join(" ")} failed with exit code ${code}`);
}

// Made afresh for every build (in a process of its own: initdb's memory is never given back);
// embedded with --asset under its own name, found at run time in Bun.embeddedFiles.
const shipped = join(out, SHIPPED_NAME);
await run([bun, join(root, "src/db/template/generate.ts"), shipped]);

// --bytecode with ESM keeps start-up short; --minify keeps the file smaller.
const common = ["build", "--compile", "--minify", "--bytecode", "--format=esm", join(root, "src/cli.ts"), "--asset", shipped];

/** bun.exe for cross-compiling, from the npm registry package of our own Bun version. */
async function windowsRuntime(): Promise<string> {
  const version = Bun.version;
  const cache = join(root, "node_modules", ".cache", `bun-windows-x64-${version}`);
  const exe = join(cache, "package", "bin", "bun.exe");
  if (existsSync(exe)) return exe;
  mkdirSync(cache, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), "shipdesk-bunwin-"));
  try {
    const pack = Bun.spawnSync(["npm", "pack", `@oven/bun-windows-x64@${version}`, "--silent", "--pack-destination", tmp], { cwd: tmp });
    if (pack.exitCode !== 0) throw new Error(`npm pack @oven/bun-windows-x64@${version} failed: ${pack.stderr.toString()}`);
    const tarball = pack.stdout.toString().trim().split("\n").at(-1)!;
    await run(["tar", "-xzf", join(tmp, tarball), "-C", cache]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  if (!existsSync(exe)) throw new Error(`the Windows runtime was not found in @oven/bun-windows-x64@${version}`);
  return exe;
}

if (only !== "windows") {
  await run([bun, ...common, "--target=bun-linux-x64", "--outfile", join(out, "shipdesk")]);
  console.log(`built ${join(out, "shipdesk")}`);
}
if (only !== "linux") {
  const runtime = await windowsRuntime();
  await run([bun, ...common, "--target=bun-windows-x64", `--compile-executable-path=${runtime}`, "--outfile", join(out, "shipdesk.exe")]);
  console.log(`built ${join(out, "shipdesk.exe")}`);
}
