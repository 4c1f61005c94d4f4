// Every migration, in order. Files are immutable once released; a new schema change is a new
// numbered file here and in sql/migrations/ (a test checks the two lists agree).
import m0001 from "../../sql/migrations/0001_schema.sql" with { type: "text" };
import m0002 from "../../sql/migrations/0002_manifests.sql" with { type: "text" };
import m0003 from "../../sql/migrations/0003_address_corrections.sql" with { type: "text" };
import m0004 from "../../sql/migrations/0004_end_of_day_settle.sql" with { type: "text" };
import m0005 from "../../sql/migrations/0005_prices.sql" with { type: "text" };
import m0006 from "../../sql/migrations/0006_create_sent_at.sql" with { type: "text" };
import m0007 from "../../sql/migrations/0007_parcels.sql" with { type: "text" };
import m0008 from "../../sql/migrations/0008_printing.sql" with { type: "text" };
import m0009 from "../../sql/migrations/0009_holds_and_quotes.sql" with { type: "text" };
import m0010 from "../../sql/migrations/0010_alerts.sql" with { type: "text" };

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: "0001_schema", sql: m0001 },
  { version: 2, name: "0002_manifests", sql: m0002 },
  { version: 3, name: "0003_address_corrections", sql: m0003 },
  { version: 4, name: "0004_end_of_day_settle", sql: m0004 },
  { version: 5, name: "0005_prices", sql: m0005 },
  { version: 6, name: "0006_create_sent_at", sql: m0006 },
  { version: 7, name: "0007_parcels", sql: m0007 },
  { version: 8, name: "0008_printing", sql: m0008 },
  { version: 9, name: "0009_holds_and_quotes", sql: m0009 },
  { version: 10, name: "0010_alerts", sql: m0010 },
];
