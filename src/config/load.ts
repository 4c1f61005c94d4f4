import { statSync } from "node:fs";
import { dirname } from "node:path";
import * as v from "valibot";
import { applyEnvironment } from "./env.ts";
import { checkAccountNumbers, checkLiveSettings, checkSenderPlace, sentenceFor } from "./checks.ts";
import { checkPrinter } from "./printer-checks.ts";
import { absolute, findSettingsFile, parseFile, programFolder, SETTINGS_FILE_NAME, type LoadOptions } from "./file.ts";
import { alertSettings, checkAlertEnvironment } from "./alerts.ts";
import { checkKeyKind } from "./key-kind.ts";
import { SettingsFileSchema, type SettingsFile } from "./schema.ts";
import { LIVE_HOSTS, SANDBOX_CREDENTIALS, type BestBuySettings, type CanadaPostSettings, type Settings } from "./settings.ts";

export function loadSettings(options: LoadOptions = {}): Settings {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const file = findSettingsFile(options);
  const raw = file ? parseFile(file) : {};
  const fromEnv = applyEnvironment(raw, env);
  checkAlertEnvironment(raw, fromEnv, file ?? SETTINGS_FILE_NAME);
  const parsed = v.safeParse(SettingsFileSchema, raw);
  if (!parsed.success) throw sentenceFor(parsed.issues[0], file, fromEnv);
  const s: SettingsFile = parsed.output;

  const warnings = file ? readableByOthers(file, options.platform ?? process.platform) : [];

  // Relative paths are taken from the settings file's folder, not from wherever the scheduler
  // happened to start us; without a file, from the program's folder or the working folder.
  const base = file ? dirname(file) : (options.programDir ?? programFolder() ?? cwd);
  const live = s.mode === "live";
  const cp = s.canadapost;
  const bb = s.bestbuy;

  checkKeyKind(cp, file ?? SETTINGS_FILE_NAME);
  if (cp.sender) checkSenderPlace(cp.sender, file ?? SETTINGS_FILE_NAME);
  checkAccountNumbers(cp, file ?? SETTINGS_FILE_NAME);
  if (live) checkLiveSettings(s, file);
  checkPrinter(s, file ?? SETTINGS_FILE_NAME);
  const alerts = alertSettings(s.alerts, file ?? SETTINGS_FILE_NAME);

  return {
    mode: s.mode,
    file,
    databaseUrl: s.database_url,
    dataDir: absolute(s.data_dir ?? "shipdesk-data", base),
    labelsDir: absolute(s.labels_dir ?? "labels", base),
    canadaPost: canadaPostSettings(cp, live),
    bestBuy: bestBuySettings(bb, live),
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
    printer: {
      kind: s.printer.kind,
      host: s.printer.host,
      port: s.printer.port,
      name: s.printer.name,
      queue: s.printer.queue,
      autoPrint: s.printer.auto_print,
      dpi: s.printer.dpi,
    },
    watch: { days: s.watch.days, callsPerRun: s.watch.calls_per_run, stuckAfterDays: s.watch.stuck_after_days },
    alerts,
    warnings,
  };
}

/** A warning when other users of this computer may read the file that holds the passwords. */
function readableByOthers(file: string, platform: NodeJS.Platform): string[] {
  if (platform === "win32" || !(statSync(file).mode & 0o077)) return [];
  return [`The settings file ${file} can be read by other users of this computer and holds passwords; run "chmod 600 ${file}" to keep them private.`];
}

function canadaPostSettings(cp: SettingsFile["canadapost"], live: boolean): CanadaPostSettings {
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
    labelEncoding: cp.label_encoding,
    manifest: cp.manifest,
    timeoutMs: cp.timeout_ms,
    requestsPerMinute: cp.requests_per_minute,
    sender,
    refundEmail: cp.refund_email,
  };
}

function bestBuySettings(bb: SettingsFile["bestbuy"], live: boolean): BestBuySettings {
  return {
    baseUrl: bb.base_url ?? (live ? LIVE_HOSTS.bestBuy : undefined),
    apiKey: bb.api_key ?? SANDBOX_CREDENTIALS.bestBuyApiKey,
    shopId: bb.shop_id,
    carrierCode: bb.carrier_code,
    autoAccept: bb.auto_accept,
    timeoutMs: bb.timeout_ms,
  };
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
