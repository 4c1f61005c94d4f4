/**
 * The environment variables shipdesk reads, and the setting each one fills. They win over the
 * file, so a scheduled task or a CI job can change one thing without editing shipdesk.toml.
 */
export const ENVIRONMENT: ReadonlyArray<readonly [variable: string, key: string]> = [
  ["SHIPDESK_MODE", "mode"],
  ["DATABASE_URL", "database_url"],
  ["SHIPDESK_DATA_DIR", "data_dir"],
  ["SHIPDESK_LABELS_DIR", "labels_dir"],
  ["CANADAPOST_API", "canadapost.api"],
  ["CANADAPOST_BASE_URL", "canadapost.base_url"],
  ["CANADAPOST_USERNAME", "canadapost.username"],
  ["CANADAPOST_PASSWORD", "canadapost.password"],
  ["CANADAPOST_CLIENT_ID", "canadapost.client_id"],
  ["CANADAPOST_CLIENT_SECRET", "canadapost.client_secret"],
  ["CANADAPOST_CUSTOMER_NUMBER", "canadapost.customer_number"],
  ["CANADAPOST_CONTRACT_ID", "canadapost.contract_id"],
  ["BESTBUY_BASE_URL", "bestbuy.base_url"],
  ["BESTBUY_API_KEY", "bestbuy.api_key"],
  ["SHIPDESK_ALERTS_WEBHOOK_URL", "alerts.webhook_url"],
  ["SHIPDESK_SMTP_PASSWORD", "alerts.email.password"],
];

/** Keys whose values are never printed, not even in an error. */
export const SECRET_KEYS = new Set(["canadapost.password", "canadapost.username", "canadapost.client_id", "canadapost.client_secret", "bestbuy.api_key", "database_url", "alerts.webhook_url", "alerts.email.password"]);

export function variableFor(key: string): string | undefined {
  return ENVIRONMENT.find(([, k]) => k === key)?.[0];
}

/** Copies the set environment variables into the raw settings object, by dotted key. */
export function applyEnvironment(raw: Record<string, unknown>, env: Record<string, string | undefined>): Set<string> {
  const fromEnv = new Set<string>();
  for (const [variable, key] of ENVIRONMENT) {
    const value = env[variable];
    if (value === undefined || value === "") continue;
    const parts = key.split(".");
    let target = raw;
    for (const part of parts.slice(0, -1)) {
      const next = target[part];
      if (typeof next !== "object" || next === null || Array.isArray(next)) target[part] = {};
      target = target[part] as Record<string, unknown>;
    }
    target[parts.at(-1)!] = value;
    fromEnv.add(key);
  }
  return fromEnv;
}
