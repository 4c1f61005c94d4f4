import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { DatabaseError, migrate, openDatabase, type Database } from "../../src/db/index.ts";
import { migrations } from "../../src/db/migrations.ts";
import { freshEmbeddedDatabase, freshServerDatabase, type TestDatabase } from "../support/database.ts";
import catalog from "./catalog.sql" with { type: "text" };

const EXPECTED_TABLES = [
  "address_corrections", "alert_channels", "alerts_sent", "api_calls", "manifests", "orders", "parcels", "runs", "shipdesk_migrations", "shipment_history", "shipments", "sku_packages", "transmits",
];

async function describeSchema(db: Database) {
  const rows = await db.query<{ kind: string; name: string }>(catalog);
  return {
    tables: rows.filter((r) => r.kind === "table").map((r) => r.name),
    indexes: rows.filter((r) => r.kind === "index").map((r) => r.name),
    constraints: rows.filter((r) => r.kind === "constraint").map((r) => r.name),
  };
}

function expectFullSchema(schema: Awaited<ReturnType<typeof describeSchema>>) {
  expect(schema.tables).toEqual(EXPECTED_TABLES);
  for (const index of ["api_calls_related_idx", "api_calls_called_at_idx", "orders_shippable_idx", "shipments_status_idx"]) {
    expect(schema.indexes).toContain(index);
  }
  for (const constraint of [
    "shipments_order_id_key",
    "shipments_tracking_pin_key",
    "shipments_order_id_fkey",
    "shipments_status_check",
    "orders_status_check",
    "shipments_customer_request_id_key",
  ]) {
    expect(schema.constraints).toContain(constraint);
  }
}

test("every file in sql/migrations is listed, in order, and nothing else", () => {
  const files = readdirSync(join(import.meta.dir, "../../sql/migrations")).filter((f) => f.endsWith(".sql")).sort();
  expect(migrations.map((m) => `${m.name}.sql`)).toEqual(files);
  // Versions rise and each file is named for its own (parallel changes take numbers ahead, so a gap may stand until they merge).
  migrations.forEach((m, i) => {
    if (i > 0) expect(m.version).toBeGreaterThan(migrations[i - 1]!.version);
    expect(m.name.startsWith(String(m.version).padStart(4, "0"))).toBe(true);
  });
});

describe("migrate on the PostgreSQL server", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshServerDatabase("migrate", { migrated: false });
  });
  afterAll(async () => t.drop());

  test("creates the tables, constraints and indexes; a second run is a no-op", async () => {
    const first = await migrate(t.db);
    expect(first.applied).toEqual(migrations.map((m) => m.name));
    expectFullSchema(await describeSchema(t.db));
    const second = await migrate(t.db);
    expect(second.applied).toEqual([]);
    expect(second.version).toBe(migrations.at(-1)!.version);
  });

  test("the constraints hold: one shipment per order, PINs unique, statuses checked", async () => {
    const { default: insertOrder } = await import("./insert_order.sql", { with: { type: "text" } });
    const { default: insertShipment } = await import("./insert_shipment.sql", { with: { type: "text" } });
    await t.db.query(insertOrder, ["C-1"]);
    await t.db.query(insertShipment, ["C-1", "C-1-1", "label_creation_initiated", null]);
    await expect(t.db.query(insertShipment, ["C-1", "C-1-2", "label_creation_initiated", null])).rejects.toMatchObject({ code: "23505" });
    await t.db.query(insertOrder, ["C-2"]);
    await expect(t.db.query(insertShipment, ["C-2", "C-2-1", "lost_in_the_mail", null])).rejects.toMatchObject({ code: "23514" });
    await expect(t.db.query(insertShipment, ["C-404", "C-404-1", "label_created", null])).rejects.toMatchObject({ code: "23503" });
  });
});

test("two migrates started together leave one applied schema", async () => {
  const t = await freshServerDatabase("migrate_race", { migrated: false });
  try {
    const other = await openDatabase({ databaseUrl: t.url, dataDir: "" });
    const results = await Promise.all([migrate(t.db), migrate(other), migrate(t.db)]);
    await other.close();
    const applied = results.flatMap((r) => r.applied);
    expect(applied.sort()).toEqual(migrations.map((m) => m.name).sort());
    expectFullSchema(await describeSchema(t.db));
  } finally {
    await t.drop();
  }
});

test("a database newer than the program is refused with the fix", async () => {
  const t = await freshServerDatabase("migrate_newer");
  try {
    const future = [...migrations, { version: migrations.at(-1)!.version + 1, name: "9999_future", sql: "SELECT 1;" }];
    await migrate(t.db, future);
    const error = await migrate(t.db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as DatabaseError).sentence).toContain(`version ${migrations.at(-1)!.version + 1}`);
    expect((error as DatabaseError).sentence).toContain("install the newer shipdesk");
  } finally {
    await t.drop();
  }
});

describe("migrate on the embedded database", () => {
  test("the same schema; a second run is a no-op", async () => {
    const e = await freshEmbeddedDatabase("migrate");
    try {
      expectFullSchema(await describeSchema(e.db));
      expect((await migrate(e.db)).applied).toEqual([]);
      // PGlite's own start flags are kept (search_path) and ours added (small buffers).
      const { default: settingsSql } = await import("./embedded_settings.sql", { with: { type: "text" } });
      expect(await e.db.query(settingsSql)).toEqual([{ shared_buffers: "4MB", search_path: "public" }]);
    } finally {
      await e.drop();
    }
  });
});
