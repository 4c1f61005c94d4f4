import auditRowsSql from "./audit_rows.sql" with { type: "text" };
import allAuditRowsSql from "./all_audit_rows.sql" with { type: "text" };
import type { Database } from "../../src/db/index.ts";
import { CanadaPostXmlClient, type CanadaPostClientOptions, type ShipmentRequest } from "../../src/canadapost/index.ts";
import { HttpClient, databaseAuditLog } from "../../src/http/index.ts";
import { sandboxSettings } from "./support.ts";
import type { CanadaPostSettings } from "../../src/config/index.ts";

export function clientFor(db: Database, url: string, settings: Partial<CanadaPostSettings> = {}, more: Partial<CanadaPostClientOptions> = {}) {
  const http = new HttpClient({ audit: databaseAuditLog(db) });
  return new CanadaPostXmlClient({ http, settings: sandboxSettings({ baseUrl: url, ...settings }), readRetryDelayMs: 10, ...more });
}

export function shipmentFor(orderId: string, attempt = 1): ShipmentRequest {
  return {
    orderId,
    requestId: `${orderId}-${attempt}`,
    recipient: {
      name: "Amélie Côté",
      addressLine1: "4500 boul. Saint-Laurent",
      addressLine2: "App. 3",
      city: "Montréal",
      province: "QC",
      postalCode: "H2T1R2",
      country: "CA",
      phone: "5145550199",
    },
    parcel: { weightKg: 1.2, dimensionsCm: { length: 30, width: 20, height: 10 } },
  };
}

export interface AuditRow {
  service: string;
  endpoint: string;
  related_id: string | null;
  method: string;
  url: string;
  request_payload: unknown;
  response_body: string | null;
  status_code: number | null;
  is_success: boolean;
  error: string | null;
  attempt: number;
}

export const auditRows = (db: Database, relatedId: string) => db.query<AuditRow & Record<string, unknown>>(auditRowsSql, [relatedId]);

export const allAuditText = async (db: Database) => JSON.stringify(await db.query(allAuditRowsSql));
