// The checks beyond the schema's, each failing with the clerk's sentence (the key, where to fix it).
import type * as v from "valibot";
import { normalizePostalCode, PROVINCE_NAMES, provincesOfPostalCode } from "../address/index.ts";
import { ConfigError } from "./errors.ts";
import { variableFor } from "./env.ts";
import { SETTINGS_FILE_NAME } from "./file.ts";
import type { SettingsFile } from "./schema.ts";

function keyOf(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((p) => String(p.key)).join(".") || "settings";
}

export function sentenceFor(issue: v.BaseIssue<unknown>, file: string | undefined, fromEnv: Set<string>): ConfigError {
  const key = keyOf(issue);
  const variable = variableFor(key);
  const where =
    variable && fromEnv.has(key) ? `the environment variable ${variable}` : file ? `${file}` : `${variable ?? "shipdesk.toml"}`;
  return new ConfigError(`Setting ${key} ${issue.message}; fix it in ${where} and run shipdesk again.`, key);
}

/** What live mode cannot do without: the account, its keys, the sender, Best Buy's API key. */
export function checkLiveSettings(s: SettingsFile, file: string | undefined): void {
  const cp = s.canadapost;
  if (cp.api === "portal") {
    if (!cp.client_id) throw missing("canadapost.client_id", "your Developer Portal app's client id", file);
    if (!cp.client_secret) throw missing("canadapost.client_secret", "your Developer Portal app's client secret", file);
  } else {
    if (!cp.username) throw missing("canadapost.username", "the Canada Post API username", file);
    if (!cp.password) throw missing("canadapost.password", "the Canada Post API password", file);
  }
  if (!cp.customer_number) throw missing("canadapost.customer_number", "your Canada Post customer number", file);
  if (!cp.contract_id && cp.method_of_payment === "Account")
    throw missing("canadapost.contract_id", "your Canada Post contract number to pay on account", file);
  if (!cp.sender) throw missing("canadapost.sender", "the address labels are shipped from (a [canadapost.sender] section)", file);
  if (!s.bestbuy.api_key) throw missing("bestbuy.api_key", "the shop API key from the Best Buy seller portal", file);
}

function missing(key: string, what: string, file: string | undefined): ConfigError {
  const [section, name] = key.includes(".") ? key.split(".", 2) : [undefined, key];
  const variable = variableFor(key);
  const inFile = section ? `${name} under [${section}] in ${file ?? SETTINGS_FILE_NAME}` : `${name} in ${file ?? SETTINGS_FILE_NAME}`;
  return new ConfigError(
    `Setting ${key} is missing: live mode needs ${what}; add ${inFile}${variable ? ` or set ${variable}` : ""}.`,
    key,
  );
}

/**
 * The return address must be one Canada Post can deliver to: a postal code that exists (no D,
 * F, I, O, Q or U; no W or Z first) in the province it names. A label refused for it would be
 * refused for every order.
 */
export function checkSenderPlace(sender: { province: string; postal_code: string }, where: string): void {
  const postal = normalizePostalCode(sender.postal_code);
  const shown = `${sender.postal_code.slice(0, 3)} ${sender.postal_code.slice(3)}`;
  if (!postal) {
    throw new ConfigError(
      `Setting canadapost.sender.postal_code "${shown}" is not a Canadian postal code (its letters cannot be D, F, I, O, Q or U, nor W or Z first); give the shop's own postal code under [canadapost.sender] in ${where}.`,
      "canadapost.sender.postal_code",
    );
  }
  const provinces = provincesOfPostalCode(postal);
  if (!provinces.includes(sender.province)) {
    const names = provinces.map((p) => `${PROVINCE_NAMES[p]} (${p})`).join(" or ");
    throw new ConfigError(
      `Setting canadapost.sender.province is ${sender.province} but the sender's postal code ${shown} is in ${names}; correct province or postal_code under [canadapost.sender] in ${where}, so the labels' return address is right.`,
      "canadapost.sender.province",
    );
  }
}

/**
 * Canada Post's customer and contract numbers are 1 to 10 digits, left-padded with zeros to 10
 * (README §1, common.xsd CustomerIDType/ContractIDType); the schema checks the digits. All
 * zeros is no number at all.
 */
export function checkAccountNumbers(cp: { customer_number?: string | undefined; mobo?: string | undefined; contract_id?: string | undefined }, where: string): void {
  const numbers = [
    ["canadapost.customer_number", cp.customer_number, "your Canada Post customer number"],
    ["canadapost.mobo", cp.mobo, 'the "mailed on behalf of" customer number'],
    ["canadapost.contract_id", cp.contract_id, "your Canada Post contract number"],
  ] as const;
  for (const [key, value, what] of numbers) {
    if (value !== undefined && /^0+$/.test(value)) {
      throw new ConfigError(`Setting ${key} is all zeros; give ${what} (up to 10 digits, as on your Canada Post agreement) in ${where}.`, key);
    }
  }
}

