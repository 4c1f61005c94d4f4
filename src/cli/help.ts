// Kept free of the program's imports so that --help answers without loading it (the word wrap
// imports nothing itself). Every line fits an 80-column console.
import { wrapWords } from "../common/wrap.ts";

/**
 * The width --help is written for: a Windows console's default 80 columns, less one (a line that
 * fills all 80 leaves an empty line after it in cmd.exe).
 */
export const HELP_COLUMNS = 79;

export const COMMANDS: Record<string, { usage: string; about: string; details?: string }> = {
  "": {
    usage: "shipdesk",
    about: "The interactive desk: sync orders, review the batch, buy labels, push tracking, print.",
    details: "Needs a terminal. Under Task Scheduler use shipdesk --auto instead.",
  },
  "--auto": {
    usage: "shipdesk --auto",
    about: "Everything, headless, for Task Scheduler: sync orders, buy labels, push tracking, follow the parcels, end of day after run.manifest_at.",
    details: "No prompts. Log lines on the screen and in shipdesk.log in the data folder; one summary line; the exit code below.",
  },
  "orders sync": { usage: "shipdesk orders sync [--accept]", about: "Pull accepted orders from Best Buy (and accept waiting ones with --accept)." },
  ship: {
    usage: "shipdesk ship [--auto] [--retry ORDER …]",
    about: "Buy Canada Post labels for every shippable order and save the PDFs.",
    details:
      "--retry ORDER buys again for an order Canada Post refused, once you fixed the problem (a setting, the service: shipdesk service ORDER CODE, or the address: shipdesk address ORDER): the label is built afresh from the settings, the order's service and weight and its address as they are now, and quoted again.",
  },
  track: {
    usage: "shipdesk track [--auto] [--retry ORDER …]",
    about: "Send tracking numbers to Best Buy and mark the orders shipped, then follow the parcels (Canada Post's tracking).",
    details:
      "--retry ORDER clears the flag on an order Best Buy kept refusing, once you dealt with it, and tries again. The parcels due a look are asked about (at most watch.calls_per_run; Canada Post allows 20 tracking calls a minute); a parcel that needs a person for the first time makes the exit code 1.",
  },
  parcels: {
    usage: "shipdesk parcels [--state STATE] [--order ORDER] [--done ORDER]",
    about: "The parcels followed: each one's state, last event (local time) and dates.",
    details:
      "STATE is one of not_scanned, in_transit, out_for_delivery, attempted, delivered, returning, returned, stuck. --done ORDER: you dealt with what the order's parcel needed (called the customer, claimed the refund…); it leaves shipdesk status until it needs a person for another reason.",
  },
  proof: {
    usage: "shipdesk proof ORDER",
    about: "Save Canada Post's Delivery Confirmation Certificate (PDF) of a delivered parcel beside its label, for a Best Buy incident.",
    details: "Only for a delivered parcel; asked of Canada Post once (6 certificates a minute at most), then kept in the labels folder and on the print page's Parcels.",
  },
  manifest: {
    usage: "shipdesk manifest [--auto]",
    about: "End of day: transmit today's labels to Canada Post and save the manifest PDF for the pickup.",
    details:
      'Run once the day\'s labels are bought (--auto does it after run.manifest_at). Safe to run again: nothing is transmitted twice. Nothing to do with canadapost.manifest = "transmit".',
  },
  void: {
    usage: "shipdesk void ORDER [--reason TEXT] [--reship] [--email ADDRESS]",
    about: "Cancel an order's label: voided before the end of day, a refund requested after.",
    details:
      "--reship makes the order shippable again (the next ship buys one new label); for a label already voided it only does that, nothing is voided twice. --email is where Canada Post writes about a refund (needed after the end of day).",
  },
  address: {
    usage: "shipdesk address ORDER [--line1 TEXT …] [--drop]",
    about: "What an order's label will read, and your correction of its address (Best Buy's is kept).",
    details:
      'Fields: --name --company --line1 --line2 --city --province --postal-code --phone ("" empties one). The correction is checked like every order, used for the label, and never overwritten by orders sync. --show prints the label\'s lines, --drop goes back to Best Buy\'s address, --confirm keeps the correction after Best Buy changed its address.',
  },
  service: {
    usage: "shipdesk service ORDER CODE [--late-ok] [--drop]",
    about: "Choose the Canada Post service of an order waiting for a label, refused, or voided (the next label is quoted with it).",
    details:
      "CODE is one of DOM.RP (Regular Parcel), DOM.EP (Expedited Parcel), DOM.XP (Xpresspost), DOM.PC (Priority). Canada Post is asked first what it costs and when it arrives: a service that arrives after Best Buy's promise is refused (exit 2, nothing changed, the services on time named) unless --late-ok says you mean it. A refused label is then bought again with shipdesk ship --retry ORDER. --drop goes back to the service the settings choose. Refused for a label already bought: void it first (shipdesk void ORDER --reship).",
  },
  hold: {
    usage: "shipdesk hold ORDER [--release]",
    about: "Keep an order back from every run (--auto too) until released; status lists it.",
    details:
      "Leaving an order out in the desk lasts for that batch only; a hold lasts until shipdesk hold ORDER --release (or Release the hold in the desk). Refused for a label already bought: void it to keep the parcel back (shipdesk void ORDER).",
  },
  serve: {
    usage: "shipdesk serve [--port N]",
    about: "The label printing page on http://127.0.0.1 (default port 8420).",
    details: "Needs attention lists what shipdesk status does; there a refused label is bought again (with the service picked there) and a voided order gets a new label.",
  },
  print: {
    usage: "shipdesk print ORDER [--again]",
    about: "Send an order's label to the printer set in [printer] (ZPL straight to a Zebra, or the PDF through the system's printing).",
    details:
      "A label already printed, or one that may have printed when a run stopped while sending it, is sent only with --again, and is then a reprint. With printer.auto_print = true, --auto, ship and the desk print each new label by themselves, once.",
  },
  "printer test": {
    usage: "shipdesk printer test [--dry-run] [--out FILE]",
    about: "Send a test label to the printer (nothing bought) and say what answered.",
    details: "--dry-run sends nothing: it draws the test label as the printer would print it, to a PNG for a ZPL printer (printer-test.png in the labels folder, or --out FILE).",
  },
  "alerts test": {
    usage: "shipdesk alerts test",
    about: "Send a test message on each alert channel of [alerts] (the webhook, e-mail) and say what answered.",
    details:
      "Exit 0 when every channel took it, 2 when a setting is wrong (the sentence names it), 3 when a server did not answer or had a fault. A channel that works again is no longer listed by shipdesk status; the next run sends what was not delivered.",
  },
  status: {
    usage: "shipdesk status",
    about: "The late shipment rate, the orders to ship by deadline, the holds, what needs a person and what to do, the spend, the last runs.",
  },
  report: {
    usage: "shipdesk report [--date YYYY-MM-DD] [--out FILE]",
    about: "A day's labels with what each was quoted and charged, as CSV for the bookkeeper (default: today).",
    details: "Without --out the CSV goes to the screen (redirect it with > labels.csv); --out FILE writes it for Excel, accents and all.",
  },
  migrate: { usage: "shipdesk migrate", about: "Bring the database schema up to date (every command also does this)." },
  demo: {
    usage: "shipdesk demo [--keep]",
    about: "The whole cycle against the built-in sandboxes, in a throwaway database. Buys nothing.",
  },
};

const EXIT_CODES = `Exit codes:
  0  all done
  1  done, but something needs a person (see shipdesk status)
  2  bad usage or settings (the message says what to fix)
  3  Canada Post, Best Buy or the database could not be reached: try again later
  4  a bug in shipdesk: the log file has the details`;

const OPTIONS = `Options:
  --config PATH   the settings file (default: shipdesk.toml beside the
                  program, or in this folder)
  --help, -h      this help, or a command's: shipdesk ship --help
  --version       the version`;

/** `text` in lines of at most HELP_COLUMNS, each starting with `indent`. */
const wrapped = (text: string, indent = "") => wrapWords(`${indent}${text}`, HELP_COLUMNS).join("\n");

export function generalHelp(version: string): string {
  const lines = Object.values(COMMANDS).map((c) => `${wrapped(c.usage, "  ")}\n${wrapped(c.about, "      ")}`);
  return `${wrapped(`shipdesk ${version}: the shipping desk for a Best Buy Canada Marketplace seller.`)}

Commands:
${lines.join("\n")}

${OPTIONS}

${EXIT_CODES}
`;
}

export function commandHelp(name: string, version: string): string {
  const c = COMMANDS[name];
  if (!c) return generalHelp(version);
  return `${wrapped(c.usage)}\n\n${wrapped(c.about)}\n${c.details ? `\n${wrapped(c.details)}\n` : ""}\n${OPTIONS}\n\n${EXIT_CODES}\n`;
}
