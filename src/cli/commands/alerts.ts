import { hostname } from "node:os";
import { alertChannels, databaseStore, hasChannels, sendTestMessages, testExitCode, testLine } from "../../alerts/index.ts";
import type { Settings } from "../../config/index.ts";
import type { Database } from "../../db/index.ts";
import { databaseAuditLog, HttpClient } from "../../http/index.ts";
import { alertFix } from "../../status/index.ts";
import { EXIT, type ExitCode } from "../../app/exit-codes.ts";
import { createLogger } from "../../app/log.ts";

/**
 * `shipdesk alerts test`: a test message on each channel of [alerts], and what answered. Exit 0
 * when every channel took it, 2 for a setting to fix, 3 for a server that did not answer.
 */
export async function alertsTestCommand(db: Database, settings: Settings, print: (text: string) => void): Promise<ExitCode> {
  if (!hasChannels(settings.alerts)) {
    print(
      `No alert channel is set: add webhook_url, or an [alerts.email] section, under [alerts] in ${settings.file ?? "shipdesk.toml"} (the README's Alerts says how), then run shipdesk alerts test again.`,
    );
    return EXIT.usage;
  }
  const audit = databaseAuditLog(db);
  const results = await sendTestMessages(
    {
      store: databaseStore(db),
      // The screen gets the lines below; the log keeps the same, without echoing them.
      log: createLogger({ dataDir: settings.dataDir, echo: false }),
      channels: alertChannels(settings.alerts, new HttpClient({ audit, maxWaitMs: 5_000 }), audit),
      origin: { host: hostname(), mode: settings.mode, now: new Date() },
    },
    settings.alerts,
  );
  for (const r of results) print(r.delivery.ok ? testLine(r) : `${testLine(r)}\n  Fix: ${alertFix(r.delivery.code)}`);
  return testExitCode(results);
}
