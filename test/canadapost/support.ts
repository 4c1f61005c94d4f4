import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { CanadaPostSettings } from "../../src/config/index.ts";
import { SANDBOX_CREDENTIALS } from "../../src/config/index.ts";

/** ../shared/reference/canadapost from the repository root (a clone in CI), or /work/shared here. */
export const REFERENCE_DIR = [resolve(import.meta.dir, "../../../shared/reference/canadapost"), "/work/shared/reference/canadapost"].find((d) =>
  existsSync(join(d, "xsd", "shipment.xsd")),
);

export function sandboxSettings(overrides: Partial<CanadaPostSettings> = {}): CanadaPostSettings {
  return {
    api: "xml",
    baseUrl: undefined,
    username: SANDBOX_CREDENTIALS.canadaPostUsername,
    password: SANDBOX_CREDENTIALS.canadaPostPassword,
    clientId: SANDBOX_CREDENTIALS.canadaPostClientId,
    clientSecret: SANDBOX_CREDENTIALS.canadaPostClientSecret,
    customerNumber: SANDBOX_CREDENTIALS.customerNumber,
    mobo: SANDBOX_CREDENTIALS.customerNumber,
    contractId: SANDBOX_CREDENTIALS.contractId,
    methodOfPayment: "Account",
    serviceRule: "fixed",
    serviceCode: "DOM.EP",
    services: ["DOM.RP", "DOM.EP", "DOM.XP"],
    labelFormat: "4x6",
    labelEncoding: "pdf",
    manifest: "group",
    timeoutMs: 2_000,
    requestsPerMinute: 600,
    refundEmail: undefined,
    sender: { ...SANDBOX_CREDENTIALS.sender },
    ...overrides,
  };
}

export const SECRETS = [
  SANDBOX_CREDENTIALS.canadaPostPassword,
  SANDBOX_CREDENTIALS.canadaPostUsername,
  Buffer.from(`${SANDBOX_CREDENTIALS.canadaPostUsername}:${SANDBOX_CREDENTIALS.canadaPostPassword}`).toString("base64"),
  "Basic ",
  "Authorization",
];
