/** The settings the program runs with, resolved: paths absolute, defaults filled, mode applied. */
export interface Sender {
  name: string;
  company: string;
  phone: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  province: string;
  postalCode: string;
}

export interface CanadaPostSettings {
  /**
   * Which of Canada Post's two API families shipdesk speaks: "xml" (the web services on
   * soa-gw, Basic auth with username and password) or "portal" (the Developer Portal's JSON
   * API, OAuth 2.0 with client id and secret). The workflows are the same over both.
   */
  api: "xml" | "portal";
  /**
   * Undefined in sandbox mode when not set: the built-in sandbox is started in-process. For
   * "portal", the gateway root under which shipping/v1, rating/v1 and the token endpoint sit.
   */
  baseUrl: string | undefined;
  username: string;
  password: string;
  /** The Developer Portal app's keys (api = "portal"). */
  clientId: string;
  clientSecret: string;
  customerNumber: string;
  mobo: string;
  contractId: string | undefined;
  methodOfPayment: "Account" | "CreditCard" | "SupplierAccount";
  /**
   * "cheapest_on_time": each order gets the cheapest of `services` that arrives by Best Buy's
   * promise (quoted with Get Rates); "fixed": every order gets `serviceCode`.
   */
  serviceRule: "cheapest_on_time" | "fixed";
  /** The fixed service, or under "cheapest_on_time" the fallback when no quote can be had. */
  serviceCode: string;
  /** The setting `serviceCode` was read from (canadapost.service, fallback_service…); none: the default. */
  serviceKey?: string | undefined;
  /** The services "cheapest_on_time" may pick from. */
  services: string[];
  labelFormat: "4x6" | "8.5x11";
  /** What Create Shipment asks the label in: a PDF, or ZPL for a Zebra thermal printer (4x6 only). */
  labelEncoding: "pdf" | "zpl";
  manifest: "group" | "transmit";
  timeoutMs: number;
  requestsPerMinute: number;
  sender: Sender;
  /** Where Canada Post writes about a refund (`shipdesk void` after the end of day). */
  refundEmail: string | undefined;
}

export interface BestBuySettings {
  baseUrl: string | undefined;
  apiKey: string;
  shopId: string | undefined;
  carrierCode: string;
  autoAccept: boolean;
  timeoutMs: number;
}

export interface ParcelSettings {
  weightKg: number;
  lengthCm: number;
  widthCm: number;
  heightCm: number;
}

export interface RunSettings {
  concurrency: number;
  trackingMaxAttempts: number;
  trackingGiveUpHours: number;
  manifestAt: string | undefined;
  /** After this long an --auto run starts no new label or tracking call (run.max_minutes). */
  maxMinutes: number;
}

/** Where labels print by themselves (printer.*); kind "none": only from the label page. */
export interface PrinterSettings {
  kind: "none" | "zpl-network" | "windows" | "lp";
  /** zpl-network: the Zebra's address and raw port (9100). */
  host: string | undefined;
  port: number;
  /** windows: the installed printer's name. */
  name: string | undefined;
  /** lp: the CUPS queue. */
  queue: string | undefined;
  /** Each new label is sent to the printer as soon as it is saved (--auto, ship, the desk). */
  autoPrint: boolean;
  /** The printer's resolution: ZPL labels are shown and checked at it. */
  dpi: 203 | 300 | 600;
}

/** The parcel watch ([watch] in shipdesk.toml). */
export interface WatchSettings {
  /** Days after the label a parcel is followed; after them shipdesk stops asking (watch.days). */
  days: number;
  /** Tracking calls one run may make (watch.calls_per_run); Canada Post allows 20 a minute. */
  callsPerRun: number;
  /** Working days without a new scan before a parcel is "stuck" (watch.stuck_after_days). */
  stuckAfterDays: number;
}

/** Where a webhook alert goes and in which shape its JSON is (alerts.webhook_url, webhook_format). */
export interface WebhookSettings {
  /** The whole address; often the secret itself (Slack's and Teams' are): never logged or stored. */
  url: string;
  format: "slack" | "teams" | "json";
}

/** E-mail alerts over SMTP (alerts.email.*). */
export interface EmailSettings {
  server: string;
  port: number;
  /** "starttls": made secure before the password goes; "tls": secure from the start; "none": a local relay. */
  tls: "starttls" | "tls" | "none";
  user: string | undefined;
  /** Never logged or stored. */
  password: string | undefined;
  from: string;
  to: string[];
}

/** Who is told when something new needs a person ([alerts]); both channels undefined: nobody. */
export interface AlertSettings {
  webhook: WebhookSettings | undefined;
  email: EmailSettings | undefined;
  /** "HH:MM": the first run at or after it sends the day's summary; undefined: no summary. */
  dailySummaryAt: string | undefined;
  timeoutMs: number;
}

export interface Settings {
  mode: "sandbox" | "live";
  /** The settings file read, if any. */
  file: string | undefined;
  databaseUrl: string | undefined;
  dataDir: string;
  labelsDir: string;
  canadaPost: CanadaPostSettings;
  bestBuy: BestBuySettings;
  parcel: ParcelSettings;
  run: RunSettings;
  printer: PrinterSettings;
  watch: WatchSettings;
  alerts: AlertSettings;
  /** Things worth telling the clerk that do not stop the run (a settings file others can read). */
  warnings: string[];
}

export const LIVE_HOSTS = {
  canadaPostProduction: "https://soa-gw.canadapost.ca",
  canadaPostDevelopment: "https://ct.soa-gw.canadapost.ca",
  // One host for Test and Production apps: the app's keys pick the environment.
  canadaPostPortal: "https://api.canadapost-postescanada.ca/prod/devportal-portaildesdeveloppeurs",
  bestBuy: "https://marketplace.bestbuy.ca",
} as const;

/** Stand-in credentials the sandboxes accept; never valid anywhere else. */
export const SANDBOX_CREDENTIALS = {
  canadaPostUsername: "sandbox-user",
  canadaPostPassword: "sandbox-password",
  // Shaped like real portal keys (32 hex digits), so the key-kind check takes them as portal keys.
  canadaPostClientId: "5a4db0c55a4db0c55a4db0c55a4db0c5",
  canadaPostClientSecret: "c0ffee00c0ffee00c0ffee00c0ffee00",
  customerNumber: "2004381",
  contractId: "42708517",
  bestBuyApiKey: "sandbox-api-key",
  sender: {
    name: "Shipping Desk",
    company: "Northwind Electronics",
    phone: "613-555-0142",
    addressLine1: "2701 Riverside Dr",
    addressLine2: "",
    city: "Ottawa",
    province: "ON",
    postalCode: "K1A0B1",
  } satisfies Sender,
} as const;
