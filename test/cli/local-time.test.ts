// Times a person reads are the PC's local time: the log (ISO with the offset), status's last runs,
// the report's bought_at (ISO with the offset). Vancouver, where UTC is already tomorrow at 16:00.
import { beforeAll, expect, test } from "bun:test";
import type { RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { localDateTime, localOffset } from "../../src/common/local-time.ts";
import { canadaPostForFile, cliScene } from "../support/cli-scene.ts";
import { runCli } from "./run-cli.ts";
import { useTimeZone } from "../support/time-zone.ts";

const sandbox = canadaPostForFile();
let cp: RunningCanadaPostSandbox;
const TZ = "America/Vancouver";
useTimeZone(TZ); // so this process computes Vancouver's times too
beforeAll(() => {
  cp = sandbox();
});

test("the log, status's last runs and the report's bought_at are in local time, files with the offset", async () => {
  const s = await cliScene("local_time", "server", cp, { orders: 1, seed: 45 });
  try {
    const env = { ...s.env, TZ };
    const cli = (...args: string[]) => runCli(args, { env, cwd: s.dir });
    const start = new Date();
    const ship = await cli("--auto");
    const end = new Date();
    expect(ship.code).toBe(0);
    const offset = localOffset(start);
    const first = ship.stdout.split("\n")[0]!;
    expect(first).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}${offset.replace("+", "\\+")} INFO `));
    // The line's clock is Vancouver's: its date and hour are the local ones.
    const stamp = new Date(first.split(" ")[0]!);
    expect(stamp.getTime()).toBeGreaterThanOrEqual(start.getTime() - 1000);
    expect(first.slice(0, 16).replace("T", " ")).toBe(localDateTime(stamp));

    const status = await cli("status");
    const runLine = status.stdout.split("\n").find((l) => l.includes("auto (auto): exit 0"))!;
    expect([localDateTime(start), localDateTime(end)]).toContain(runLine.trim().slice(0, 16));

    const report = await cli("report");
    const row = report.stdout.split("\r\n")[1]!;
    expect(row).toMatch(new RegExp(`,\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d${offset.replace("+", "\\+")},`));
  } finally {
    await s.done();
  }
}, 60_000);
