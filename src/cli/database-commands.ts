import type { Settings } from "../config/index.ts";
import { migrate, openDatabase, type Database } from "../db/index.ts";
import type { Args } from "./args.ts";
import type { ExitCode } from "../app/exit-codes.ts";
import { closeOnInterrupt } from "../app/interrupt.ts";
import type { Logger } from "../app/log.ts";

/** The commands that need the database only: neither Canada Post nor Best Buy is started for them. */
export const DATABASE_COMMANDS: ReadonlySet<string> = new Set(["status", "report", "address", "hold", "parcels", "alerts test"]);

export async function databaseCommand(settings: Settings, args: Args, log: Logger, print: (text: string) => void): Promise<ExitCode> {
  return withDatabase(settings, log, async (db) => {
    switch (args.command) {
      case "status":
        return (await (await import("./commands/status.ts")).statusCommand(db, settings, print)).exitCode;
      case "report":
        return await (await import("./commands/report.ts")).reportCommand(db, args, print, log);
      case "address": {
        // A correction needs neither Canada Post nor Best Buy.
        const { addressCommand } = await import("./commands/address.ts");
        const a = { order: args.order!, fields: args.fields, show: args.show, drop: args.drop, confirm: args.confirm };
        return (await addressCommand(db, a, print)).exitCode;
      }
      case "hold": {
        const { holdCommand } = await import("./commands/hold.ts");
        return (await holdCommand(db, { order: args.order!, release: args.release }, print)).exitCode;
      }
      case "parcels": {
        const { parcelsCommand } = await import("./commands/parcels.ts");
        return (await parcelsCommand(db, { state: args.state, order: args.order, done: args.done }, print)).exitCode;
      }
      case "alerts test":
        // The messages go out from here; each is recorded in api_calls like every call.
        return await (await import("./commands/alerts.ts")).alertsTestCommand(db, settings, print);
      default:
        throw new Error(`"${args.command}" is not a database-only command`);
    }
  });
}

/** The database opened and brought up to date for `work`, closed after it (Ctrl-C closes it first). */
async function withDatabase(settings: Settings, log: Logger, work: (db: Database) => Promise<ExitCode>): Promise<ExitCode> {
  const db = await openDatabase(settings);
  const forget = closeOnInterrupt(() => db.close(), log);
  try {
    await migrate(db);
    return await work(db);
  } finally {
    forget();
    await db.close();
  }
}
