export { ConfigError } from "./errors.ts";
export { loadSettings } from "./load.ts";
export { findSettingsFile, isCompiledBinary, SETTINGS_FILE_NAME, type LoadOptions } from "./file.ts";
export type { Settings, Sender, CanadaPostSettings, BestBuySettings, ParcelSettings, RunSettings, PrinterSettings, WatchSettings } from "./settings.ts";
export { LIVE_HOSTS, SANDBOX_CREDENTIALS } from "./settings.ts";
export { checkDataFolder, folderFault, folderSentence, folderSetting } from "./folders.ts";
export type { AlertSettings, EmailSettings, WebhookSettings } from "./settings.ts";
export { alertSettings, hasAlertChannels, loadAlertSettings, webhookFormatOf, type AlertsOnly } from "./alerts.ts";
