import * as v from "valibot";

/**
 * Every setting shipdesk reads, as written in shipdesk.toml (snake_case, sections per service).
 * Environment variables fill the same keys (see env.ts) and win over the file.
 * Messages are the second half of the clerk's sentence: "<key> <message>".
 */

const unknownKey = "is not a setting shipdesk knows; check its spelling or remove it";
const text = (what: string) => v.pipe(v.string(`must be ${what} in quotes`), v.trim());
const nonEmpty = (what: string) => v.pipe(text(what), v.nonEmpty(`must not be empty; give ${what}`));
const url = (what: string) =>
  v.pipe(
    text(what),
    v.url(`must be a full address starting with https:// (or http:// for a local sandbox)`),
    v.check((s) => /^https?:\/\//i.test(s), "must start with https:// (or http:// for a local sandbox)"),
  );
const positive = (what: string, max: number) =>
  v.pipe(
    v.number(`must be a number (${what}), written without quotes`),
    v.minValue(0.001, `must be more than 0 (${what})`),
    v.maxValue(max, `must be at most ${max} (${what})`),
  );
const wholeNumber = (what: string, min: number, max: number) =>
  v.pipe(
    v.number(`must be a whole number (${what}), written without quotes`),
    v.integer(`must be a whole number (${what})`),
    v.minValue(min, `must be at least ${min} (${what})`),
    v.maxValue(max, `must be at most ${max} (${what})`),
  );
const digits = (what: string, max: number) =>
  v.pipe(
    v.union([v.string(), v.number()], `must be ${what}`),
    v.transform((x) => String(x).trim()),
    v.regex(new RegExp(`^\\d{1,${max}}$`), `must be ${what}: 1 to ${max} digits, nothing else`),
  );
const timeOfDay = v.pipe(text('a time of day such as "17:00"'), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day such as "17:00"'));
const postalCode = v.pipe(
  text("a Canadian postal code such as \"K1A 0B1\""),
  v.transform((s) => s.toUpperCase().replace(/[\s-]/g, "")),
  v.regex(/^[A-Z]\d[A-Z]\d[A-Z]\d$/, 'must be a Canadian postal code such as "K1A 0B1"'),
);
const province = v.pipe(
  text('a two-letter province code such as "ON"'),
  v.transform((s) => s.toUpperCase()),
  v.picklist(
    ["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"],
    'must be a two-letter province code such as "ON"',
  ),
);

export const SenderSchema = v.strictObject(
  {
    name: v.optional(v.pipe(text("the sender's contact name"), v.maxLength(44, "must be at most 44 characters")), ""),
    company: v.pipe(nonEmpty("the shop's name as it should appear on labels"), v.maxLength(44, "must be at most 44 characters")),
    phone: v.pipe(
      nonEmpty("the shop's phone number"),
      v.check((s) => s.replace(/\D/g, "").length >= 10, "must be a phone number with at least 10 digits"),
    ),
    address_line_1: v.pipe(nonEmpty("the street address labels are shipped from"), v.maxLength(44, "must be at most 44 characters")),
    address_line_2: v.optional(v.pipe(text("a second address line"), v.maxLength(44, "must be at most 44 characters")), ""),
    city: v.pipe(nonEmpty("the city labels are shipped from"), v.maxLength(40, "must be at most 40 characters")),
    province,
    postal_code: postalCode,
  },
  unknownKey,
);

const serviceCode = v.pipe(
  nonEmpty('a Canada Post service code such as "DOM.EP"'),
  v.regex(/^[A-Z]{3}\.[A-Z0-9.]+$/, 'must be a Canada Post service code such as "DOM.EP" or "DOM.XP"'),
);

export const CanadaPostSchema = v.strictObject(
  {
    api: v.optional(
      v.picklist(
        ["xml", "portal"],
        'must be "xml" (the web services on soa-gw, username and password) or "portal" (the Developer Portal API, client id and secret)',
      ),
      "xml",
    ),
    environment: v.optional(
      v.picklist(["production", "development"], 'must be "production" (billed) or "development" (Canada Post\'s test host)'),
      "production",
    ),
    base_url: v.optional(url("Canada Post's address")),
    username: v.optional(nonEmpty("the API key's username from the Canada Post Developer Program")),
    password: v.optional(nonEmpty("the API key's password from the Canada Post Developer Program")),
    client_id: v.optional(nonEmpty("the client id of your app in the Canada Post Developer Portal")),
    client_secret: v.optional(nonEmpty("the client secret of your app in the Canada Post Developer Portal")),
    customer_number: v.optional(digits("your Canada Post customer number", 10)),
    mobo: v.optional(digits('the "mailed on behalf of" customer number', 10)),
    contract_id: v.optional(digits("your Canada Post contract number", 10)),
    method_of_payment: v.optional(
      v.picklist(["Account", "CreditCard", "SupplierAccount"], 'must be "Account", "CreditCard" or "SupplierAccount"'),
      "Account",
    ),
    // The older name of a fixed `service`; kept so existing settings files still mean what they said.
    service_code: v.optional(serviceCode),
    service: v.optional(
      v.union(
        [v.literal("cheapest_on_time"), serviceCode],
        'must be "cheapest_on_time" (the cheapest allowed service that arrives by Best Buy\'s promise) or a Canada Post service code such as "DOM.EP"',
      ),
    ),
    services: v.optional(
      v.pipe(
        v.array(serviceCode, 'must be a list of Canada Post service codes such as ["DOM.RP", "DOM.EP", "DOM.XP"]'),
        v.minLength(1, 'must name at least one service, such as ["DOM.EP"]'),
        v.maxLength(20, "must name at most 20 services"),
      ),
      ["DOM.RP", "DOM.EP", "DOM.XP"],
    ),
    fallback_service: v.optional(serviceCode),
    label_format: v.optional(v.picklist(["4x6", "8.5x11"], 'must be "4x6" (thermal label printer) or "8.5x11" (letter paper)'), "4x6"),
    label_encoding: v.optional(
      v.picklist(["pdf", "zpl"], 'must be "pdf" (a PDF printed through Windows or the browser) or "zpl" (sent straight to a Zebra thermal printer)'),
      "pdf",
    ),
    manifest: v.optional(
      v.picklist(["group", "transmit"], 'must be "group" (transmit at the end of the day) or "transmit" (each label transmitted when bought)'),
      "group",
    ),
    timeout_ms: v.optional(wholeNumber("milliseconds", 1000, 300000), 30000),
    requests_per_minute: v.optional(wholeNumber("Create Shipment and label calls a minute", 1, 646), 600),
    sender: v.optional(SenderSchema),
    refund_email: v.optional(
      v.pipe(text("an e-mail address"), v.email("must be an e-mail address, where Canada Post writes about refunds")),
    ),
  },
  unknownKey,
);

export const BestBuySchema = v.strictObject(
  {
    base_url: v.optional(url("the Best Buy marketplace address")),
    api_key: v.optional(nonEmpty("the shop API key from the Best Buy seller portal")),
    shop_id: v.optional(digits("the Best Buy shop id", 12)),
    carrier_code: v.optional(nonEmpty('the carrier code Best Buy knows Canada Post by, normally "CPCL"'), "CPCL"),
    auto_accept: v.optional(v.boolean("must be true or false, without quotes"), false),
    timeout_ms: v.optional(wholeNumber("milliseconds", 1000, 300000), 30000),
  },
  unknownKey,
);

export const ParcelSchema = v.strictObject(
  {
    weight_kg: v.optional(positive("kilograms", 30), 1),
    length_cm: v.optional(positive("centimetres", 200), 30),
    width_cm: v.optional(positive("centimetres", 200), 20),
    height_cm: v.optional(positive("centimetres", 200), 10),
  },
  unknownKey,
);

export const RunSchema = v.strictObject(
  {
    concurrency: v.optional(wholeNumber("labels bought at the same time", 1, 16), 4),
    tracking_max_attempts: v.optional(wholeNumber("tries before a person is asked", 1, 100), 5),
    tracking_give_up_hours: v.optional(wholeNumber("hours before a person is asked", 1, 720), 24),
    max_minutes: v.optional(positive("minutes an --auto run may start new work; below the schedule's interval", 1440), 10),
    manifest_at: v.optional(timeOfDay),
  },
  unknownKey,
);

export const PrinterSchema = v.strictObject(
  {
    kind: v.optional(
      v.picklist(
        ["none", "zpl-network", "windows", "lp"],
        'must be "none" (print from the label page), "zpl-network" (a Zebra on the network), "windows" (a printer installed in Windows) or "lp" (a CUPS queue on Linux or macOS)',
      ),
      "none",
    ),
    host: v.optional(nonEmpty("the printer's address on the network, such as \"192.168.1.50\"")),
    port: v.optional(wholeNumber("the printer's raw port, 9100 on a Zebra", 1, 65535), 9100),
    name: v.optional(nonEmpty("the printer's name as Windows shows it in Printers & scanners")),
    queue: v.optional(nonEmpty("the CUPS queue name, as lpstat -p lists it")),
    auto_print: v.optional(v.boolean("must be true or false, without quotes"), false),
    dpi: v.optional(v.picklist([203, 300, 600], "must be 203, 300 or 600 (the printer's resolution, on its spec sheet), without quotes"), 203),
  },
  unknownKey,
);

/** The parcel watch (issue 27): how long a parcel is followed, and how many tracking calls a run spends. */
export const WatchSchema = v.strictObject(
  {
    days: v.optional(wholeNumber("days a parcel is followed after its label is bought", 7, 120), 45),
    calls_per_run: v.optional(wholeNumber("tracking calls a run may make; Canada Post allows 20 a minute", 0, 600), 40),
    stuck_after_days: v.optional(wholeNumber("working days without a scan before a parcel is called stuck", 1, 20), 3),
  },
  unknownKey,
);

const emailAddress = (what: string) => v.pipe(text(what), v.email(`must be an e-mail address (${what})`));

export const AlertEmailSchema = v.strictObject(
  {
    server: nonEmpty('the SMTP server\'s address, such as "smtp.office365.com"'),
    port: v.optional(wholeNumber("the SMTP server's port: 587 with starttls, 465 with tls, 25 with none", 1, 65535)),
    tls: v.optional(
      v.picklist(
        ["starttls", "tls", "none"],
        'must be "starttls" (port 587: the connection is made secure before the password is sent), "tls" (port 465: secure from the start) or "none" (a relay on this computer)',
      ),
      "starttls",
    ),
    user: v.optional(nonEmpty("the SMTP user name, often the sending mailbox")),
    password: v.optional(nonEmpty("the SMTP password (or SHIPDESK_SMTP_PASSWORD)")),
    from: emailAddress("the address the alerts come from"),
    to: v.union(
      [
        emailAddress("who gets the alerts"),
        v.pipe(v.array(emailAddress("who gets the alerts")), v.minLength(1, 'must name at least one address, such as ["shipping@example.com"]')),
      ],
      'must be an e-mail address in quotes, or a list of them such as ["a@example.com", "b@example.com"]',
    ),
  },
  unknownKey,
);

export const AlertsSchema = v.strictObject(
  {
    webhook_url: v.optional(url("the webhook's address")),
    webhook_format: v.optional(
      v.picklist(
        ["slack", "teams", "json"],
        'must be "slack" (a Slack incoming webhook), "teams" (a Microsoft Teams Workflows or incoming webhook) or "json" (plain JSON for your own receiver)',
      ),
    ),
    email: v.optional(AlertEmailSchema),
    daily_summary_at: v.optional(timeOfDay),
    timeout_ms: v.optional(wholeNumber("milliseconds an alert may take to be answered", 1000, 120000), 15000),
  },
  unknownKey,
);

export const SettingsFileSchema = v.strictObject(
  {
    mode: v.optional(
      v.picklist(["sandbox", "live"], 'must be "sandbox" (the built-in test servers, nothing is bought) or "live" (real labels, billed)'),
      "sandbox",
    ),
    database_url: v.optional(
      v.pipe(text("a PostgreSQL address"), v.regex(/^postgres(ql)?:\/\//, "must start with postgres:// (for example postgres://user@host:5432/shipdesk)")),
    ),
    data_dir: v.optional(nonEmpty("a folder")),
    labels_dir: v.optional(nonEmpty("a folder")),
    canadapost: v.optional(CanadaPostSchema, {}),
    bestbuy: v.optional(BestBuySchema, {}),
    parcel: v.optional(ParcelSchema, {}),
    run: v.optional(RunSchema, {}),
    printer: v.optional(PrinterSchema, {}),
    watch: v.optional(WatchSchema, {}),
    alerts: v.optional(AlertsSchema, {}),
  },
  unknownKey,
);

export type SettingsFile = v.InferOutput<typeof SettingsFileSchema>;
