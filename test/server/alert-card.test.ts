// The print page's Needs attention lists an alert that was not delivered, as status does, with its fix.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { databaseStore } from "../../src/alerts/index.ts";
import { createPrintApp } from "../../src/server/index.ts";
import { freshServerDatabase, tempDir, type TestDatabase } from "../support/database.ts";

let t: TestDatabase;
const dir = tempDir("alert-card");
beforeAll(async () => {
  t = await freshServerDatabase("alert_card");
});
afterAll(async () => {
  await t.drop();
  dir.remove();
});

test("a failing alert channel is a card with the reason and the fix; once a message goes through, it is gone", async () => {
  const app = createPrintApp({ db: t.db, labelsDir: dir.path, refetchLabel: async () => undefined as never, mode: "live" });
  const store = databaseStore(t.db);
  const described = "e-mail through smtp.office365.com:587 (starttls) to clerk@northwind.example";
  await store.outcome("email", described, { ok: false, code: "auth", sentence: "The alert e-mail through smtp.office365.com:587 (starttls) was not delivered: 535 5.7.139 Authentication unsuccessful." });
  const html = await (await app.request("/status")).text();
  expect(html).toMatch(/<div class="card"[^>]*data-kind="alert_failed"/);
  expect(html).toContain("<span>e-mail alerts</span> <span class=\"badge bad\">alert not delivered</span>");
  expect(html).toContain("535 5.7.139 Authentication unsuccessful.");
  expect(html).toContain("Check alerts.email.user and the password (alerts.email.password, or SHIPDESK_SMTP_PASSWORD)");

  await store.outcome("email", described, { ok: true, answered: "250 2.0.0 OK" });
  expect(await (await app.request("/status")).text()).not.toContain("alert not delivered");
});
