import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import * as v from "valibot";
import { normalizePostalCode, PROVINCE_NAMES, provincesOfPostalCode } from "../address/index.ts";
import { ConfigError } from "./errors.ts";
import { applyEnvironment, SECRET_KEYS, variableFor } from "./env.ts";
import { checkKeyKind } from "./key-kind.ts";
import { SettingsFileSchema, type SettingsFile } from "./schema.ts";
import { LIVE_HOSTS, SANDBOX_CREDENTIALS, type Settings } from "./settings.ts";

export const SETTINGS_FILE_NAME = "shipdesk.toml";

export interface LoadOptions {
  /** `--config PATH`: this file and no other; it must exist. */
  configPath?: string | undefined;
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** The folder of the running binary; the settings file is looked for there first. */
  programDir?: string;
  platform?: NodeJS.Platform;
}

/** True when running as the compiled binary rather than `bun src/cli.ts`. */
export function isCompiledBinary(): boolean {
  return import.meta.path.includes("$bunfs") || import.meta.path.includes("~BUN");
}

function programFolder(): string | undefined {
  return isCompiledBinary() ? dirname(process.execPath) : undefined;
}

/** Beside the binary first (Task Scheduler starts in C:\Windows\System32), then the working folder. */
export function findSettingsFile(options: LoadOptions): string | undefined {
  const cwd = options.cwd ?? process.cwd();
  if (options.configPath) {
    const path = resolve(cwd, options.configPath);
    if (!existsSync(path)) {
      throw new ConfigError(
        `The settings file ${path} given with --config does not exist; check the path or leave out --config to use ${SETTINGS_FILE_NAME} beside the program.`,
        "--config",
      );
    }
    return path;
  }
  const programDir = options.programDir ?? programFolder();
  for (const dir of [programDir, cwd]) {
    if (!dir) continue;
    const path = join(dir, SETTINGS_FILE_NAME);
    if (existsSync(path)) return path;
  }
  return undefined;
}

function parseFile(path: string): Record<string, unknown> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new ConfigError(
      `The settings file ${path} cannot be read (${(error as { code?: string }).code ?? "unknown error"}); check that it exists and this user may read it.`,
    );
  }
  const text = utf8Text(path, bytes);
  try {
    return Bun.TOML.parse(text) as Record<string, unknown>;
  } catch (error) {
    const detail = (error as Error).message.replace(/\s+/g, " ").trim();
    throw new ConfigError(
      `The settings file ${path} is not valid TOML (${detail}); fix that line, for example put text values in "quotes".`,
    );
  }
}

/**
 * The file as UTF-8, or a sentence naming the first line that is not: Notepad's "ANSI" (Windows
 * Latin-1) turns Montréal's é into a byte that UTF-8 does not have, and reading it leniently
 * sent "Montr\uFFFDal" to Canada Post on every label. A byte-order mark is dropped.
 */
function utf8Text(path: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const line = firstBadLine(bytes);
    throw new ConfigError(
      `The settings file ${path} is not saved as UTF-8 (line ${line.number}: ${line.text}); open it in Notepad, choose File > Save As with Encoding "UTF-8", and run shipdesk again.`,
    );
  }
}

const SECRET_NAMES = new Set([...SECRET_KEYS].map((k) => k.split(".").at(-1)!));

/** The first line that does not decode, shown with "?" for the bytes UTF-8 refuses. */
function firstBadLine(bytes: Uint8Array): { number: number; text: string } {
  const strict = new TextDecoder("utf-8", { fatal: true });
  let start = 0;
  for (let number = 1; start <= bytes.length; number++) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const line = bytes.subarray(start, end);
    try {
      strict.decode(line);
    } catch {
      const text = new TextDecoder("utf-8").decode(line).replace(/\uFFFD/g, "?").trim();
      // A secret's line is named by its key alone: its value is never printed, not even here.
      const key = /^["']?([A-Za-z0-9_]+)["']?\s*=/.exec(text)?.[1];
      if (key && SECRET_NAMES.has(key)) return { number, text: `${key} = …` };
      return { number, text: text.length > 60 ? `${text.slice(0, 60)}…` : text };
    }
    start = end + 1;
  }
  return { number: 1, text: "" };
}

function keyOf(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((p) => String(p.key)).join(".") || "settings";
}

function sentenceFor(issue: v.BaseIssue<unknown>, file: string | undefined, fromEnv: Set<string>): ConfigError {
  const key = keyOf(issue);
  const variable = variableFor(key);
  const where =
    variable && fromEnv.has(key) ? `the environment variable ${variable}` : file ? `${file}` : `${variable ?? "shipdesk.toml"}`;
  return new ConfigError(`Setting ${key} ${issue.message}; fix it in ${where} and run shipdesk again.`, key);
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

function absolute(path: string, base: string): string {
  // Windows drive letters and UNC paths are absolute even when this runs elsewhere (tests).
  if (/^[A-Za-z]:[\\/]/.test(path) || path.startsWith("\\\\")) return path;
  return isAbsolute(path) ? path : resolve(base, path);
}

export function loadSettings(options: LoadOptions = {}): Settings {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const file = findSettingsFile(options);
  const raw = file ? parseFile(file) : {};
  const fromEnv = applyEnvironment(raw, env);
  const parsed = v.safeParse(SettingsFileSchema, raw);
  if (!parsed.success) throw sentenceFor(parsed.issues[0], file, fromEnv);
  const s: SettingsFile = parsed.output;

  const warnings: string[] = [];
  const platform = options.platform ?? process.platform;
  if (file && platform !== "win32") {
    const mode = statSync(file).mode;
    if (mode & 0o077) {
      warnings.push(
        `The settings file ${file} can be read by other users of this computer and holds passwords; run "chmod 600 ${file}" to keep them private.`,
      );
    }
  }

  // Relative paths are taken from the settings file's folder, not from wherever the scheduler
  // happened to start us; without a file, from the program's folder or the working folder.
  const base = file ? dirname(file) : (options.programDir ?? programFolder() ?? cwd);
  const live = s.mode === "live";
  const cp = s.canadapost;
  const bb = s.bestbuy;

  checkKeyKind(cp, file ?? SETTINGS_FILE_NAME);
  if (cp.sender) checkSenderPlace(cp.sender, file ?? SETTINGS_FILE_NAME);
  checkAccountNumbers(cp, file ?? SETTINGS_FILE_NAME);
  const portal = cp.api === "portal";
  if (live) {
    if (portal) {
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
    if (!bb.api_key) throw missing("bestbuy.api_key", "the shop API key from the Best Buy seller portal", file);
  }

  const sender = cp.sender
    ? {
        name: cp.sender.name,
        company: cp.sender.company,
        phone: cp.sender.phone,
        addressLine1: cp.sender.address_line_1,
        addressLine2: cp.sender.address_line_2,
        city: cp.sender.city,
        province: cp.sender.province,
        postalCode: cp.sender.postal_code,
      }
    : { ...SANDBOX_CREDENTIALS.sender };

  const customerNumber = cp.customer_number ?? SANDBOX_CREDENTIALS.customerNumber;
  return {
    mode: s.mode,
    file,
    databaseUrl: s.database_url,
    dataDir: absolute(s.data_dir ?? "shipdesk-data", base),
    labelsDir: absolute(s.labels_dir ?? "labels", base),
    canadaPost: {
      api: cp.api,
      baseUrl: cp.base_url ?? (live ? liveCanadaPostHost(cp.api, cp.environment) : undefined),
      username: cp.username ?? SANDBOX_CREDENTIALS.canadaPostUsername,
      password: cp.password ?? SANDBOX_CREDENTIALS.canadaPostPassword,
      clientId: cp.client_id ?? SANDBOX_CREDENTIALS.canadaPostClientId,
      clientSecret: cp.client_secret ?? SANDBOX_CREDENTIALS.canadaPostClientSecret,
      customerNumber,
      mobo: cp.mobo ?? customerNumber,
      contractId: cp.contract_id ?? (live ? undefined : SANDBOX_CREDENTIALS.contractId),
      methodOfPayment: cp.method_of_payment,
      ...serviceRule(cp),
      labelFormat: cp.label_format,
      manifest: cp.manifest,
      timeoutMs: cp.timeout_ms,
      requestsPerMinute: cp.requests_per_minute,
      sender,
      refundEmail: cp.refund_email,
    },
    bestBuy: {
      baseUrl: bb.base_url ?? (live ? LIVE_HOSTS.bestBuy : undefined),
      apiKey: bb.api_key ?? SANDBOX_CREDENTIALS.bestBuyApiKey,
      shopId: bb.shop_id,
      carrierCode: bb.carrier_code,
      autoAccept: bb.auto_accept,
      timeoutMs: bb.timeout_ms,
    },
    parcel: {
      weightKg: s.parcel.weight_kg,
      lengthCm: s.parcel.length_cm,
      widthCm: s.parcel.width_cm,
      heightCm: s.parcel.height_cm,
    },
    run: {
      concurrency: s.run.concurrency,
      trackingMaxAttempts: s.run.tracking_max_attempts,
      trackingGiveUpHours: s.run.tracking_give_up_hours,
      manifestAt: s.run.manifest_at,
      maxMinutes: s.run.max_minutes,
    },
    warnings,
  };
}

/**
 * The return address must be one Canada Post can deliver to: a postal code that exists (no D,
 * F, I, O, Q or U; no W or Z first) in the province it names. A label refused for it would be
 * refused for every order.
 */
function checkSenderPlace(sender: { province: string; postal_code: string }, where: string): void {
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
function checkAccountNumbers(cp: { customer_number?: string | undefined; mobo?: string | undefined; contract_id?: string | undefined }, where: string): void {
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

/** The portal has one host for Test and Production apps (the keys pick); the XML services two. */
function liveCanadaPostHost(api: "xml" | "portal", environment: "production" | "development"): string {
  if (api === "portal") return LIVE_HOSTS.canadaPostPortal;
  return environment === "development" ? LIVE_HOSTS.canadaPostDevelopment : LIVE_HOSTS.canadaPostProduction;
}

/**
 * `service` wins; an older file's `service_code` alone still means that fixed service. Under
 * "cheapest_on_time", `fallback_service` (or service_code, or DOM.EP) is bought when no quote can be had.
 */
function serviceRule(cp: { service?: string | undefined; service_code?: string | undefined; services: string[]; fallback_service?: string | undefined }) {
  const rule = cp.service ?? (cp.service_code ? cp.service_code : "cheapest_on_time");
  if (rule === "cheapest_on_time") {
    const serviceKey = cp.fallback_service ? "canadapost.fallback_service" : cp.service_code ? "canadapost.service_code" : undefined;
    return { serviceRule: "cheapest_on_time" as const, serviceCode: cp.fallback_service ?? cp.service_code ?? "DOM.EP", serviceKey, services: cp.services };
  }
  return { serviceRule: "fixed" as const, serviceCode: rule, serviceKey: cp.service ? "canadapost.service" : "canadapost.service_code", services: cp.services };
}
