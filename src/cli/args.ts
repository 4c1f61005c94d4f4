import { parseLocalDay } from "../common/calendar.ts";
import { isParcelState, PARCEL_STATES, type ParcelState } from "../parcels/states.ts";

export interface Args {
  /** `ship`, `track`, `orders sync`, …; "" for the interactive desk, "auto" for bare --auto. */
  command: string;
  auto: boolean;
  config: string | undefined;
  retry: string[];
  port: number | undefined;
  accept: boolean;
  keep: boolean;
  /** `void ORDER`, `address ORDER`, `service ORDER CODE`: the order. */
  order: string | undefined;
  /** `service ORDER CODE`: the Canada Post service code the clerk chose. */
  service: string | undefined;
  reason: string | undefined;
  reship: boolean;
  email: string | undefined;
  /** `address ORDER`: the fields given (--line1 …), keyed as the correction names them. */
  fields: Record<string, string>;
  show: boolean;
  drop: boolean;
  confirm: boolean;
  /** `hold ORDER --release`: end the hold. */
  release: boolean;
  /** `service ORDER CODE --late-ok`: a service that arrives after Best Buy's promise, chosen knowingly. */
  lateOk: boolean;
  /** `report --date`: a local day, YYYY-MM-DD. */
  date: string | undefined;
  /** `report --out`: the CSV file to write; `printer test --dry-run --out`: the image. */
  out: string | undefined;
  /** `print ORDER --again`: a person asks for a reprint. */
  again: boolean;
  /** `printer test --dry-run`: draw the test label, send nothing. */
  dryRun: boolean;
  /** `parcels --state S`: only parcels in that state. */
  state: ParcelState | undefined;
  /** `parcels --done ORDER`: the clerk dealt with what the order's parcel needed. */
  done: string | undefined;
}

export class UsageError extends Error {
  override readonly name = "UsageError";
}

const COMMANDS = new Set(["ship", "track", "serve", "status", "migrate", "demo", "orders sync", "manifest", "report", "printer test", "parcels", "alerts test"]);

/** `shipdesk address ORDER` options, and the correction field each sets. */
const ADDRESS_FLAGS: Readonly<Record<string, string>> = {
  "--name": "name",
  "--company": "company",
  "--line1": "street1",
  "--line2": "street2",
  "--city": "city",
  "--province": "province",
  "--postal-code": "postalCode",
  "--phone": "phone",
};

/** `shipdesk parcels`'s options: --state S, --order ID, --done ORDER. */
const PARCEL_FLAGS: ReadonlySet<string> = new Set(["--state", "--order", "--done"]);

function parcelFlag(args: Args, flag: string, value: string): void {
  if (flag === "--order") args.order = value;
  else if (flag === "--done") args.done = value;
  else if (isParcelState(value)) args.state = value;
  else throw new UsageError(`--state must be one of ${PARCEL_STATES.join(", ")}; got "${value}".`);
}

/** The commands that take one order id, and what to say when it is not one. */
const ORDER_COMMANDS: Readonly<Record<string, string>> = {
  void: "shipdesk void takes one order id: shipdesk void ORDER [--reason TEXT] [--reship] [--email ADDRESS].",
  address: 'shipdesk address takes one order id: shipdesk address ORDER [--line1 "…" --city "…" …] [--show] [--drop].',
  proof: "shipdesk proof takes one order id: shipdesk proof ORDER.",
  print: "shipdesk print takes one order id: shipdesk print ORDER [--again].",
  hold: "shipdesk hold takes one order id: shipdesk hold ORDER (or shipdesk hold ORDER --release to ship it again).",
};

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { command: "", auto: false, config: undefined, retry: [], port: undefined, accept: false, keep: false, order: undefined, service: undefined, reason: undefined, reship: false, email: undefined, date: undefined, out: undefined, fields: {}, show: false, drop: false, confirm: false, release: false, lateOk: false, again: false, dryRun: false, state: undefined, done: undefined };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (flag: string) => {
      const next = argv[++i];
      if (next === undefined || next.startsWith("--")) throw new UsageError(`${flag} needs a value; see shipdesk --help.`);
      return next;
    };
    const [flag, inline] = a.startsWith("--") && a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    if (ADDRESS_FLAGS[flag] !== undefined) {
      // A value may be empty (--line2 "" clears the second line) but not another option.
      const v = inline ?? argv[++i];
      if (v === undefined || (v.startsWith("--") && inline === undefined)) throw new UsageError(`${flag} needs a value (in quotes if it has spaces); see shipdesk address --help.`);
      args.fields[ADDRESS_FLAGS[flag]!] = v;
    } else if (a === "--show") args.show = true;
    else if (a === "--drop") args.drop = true;
    else if (a === "--confirm") args.confirm = true;
    else if (a === "--release") args.release = true;
    else if (a === "--late-ok") args.lateOk = true;
    else if (a === "--auto") args.auto = true;
    else if (a === "--accept") args.accept = true;
    else if (a === "--keep") args.keep = true;
    else if (a === "--reship") args.reship = true;
    else if (a === "--again") args.again = true;
    else if (a === "--dry-run") args.dryRun = true;
    else if (a === "--reason") args.reason = value(a);
    else if (a === "--email") args.email = value(a);
    else if (a === "--date") args.date = value(a);
    else if (a === "--out") args.out = value(a);
    else if (PARCEL_FLAGS.has(a)) parcelFlag(args, a, value(a));
    else if (a === "--config") args.config = value(a);
    else if (a.startsWith("--config=")) args.config = a.slice(9);
    else if (a === "--retry") args.retry.push(value(a));
    else if (a === "--port") {
      const port = Number(value(a));
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError("--port needs a number from 1 to 65535.");
      args.port = port;
    } else if (a.startsWith("-")) throw new UsageError(`Unknown option ${a}; see shipdesk --help.`);
    else words.push(a);
  }
  commandOf(words, args);
  if (argv.some((a) => PARCEL_FLAGS.has(a)) && args.command !== "parcels") throw new UsageError("--state, --order and --done go with shipdesk parcels.");
  checkCombinations(args);
  return args;
}

/** The command the words name (`ship`, `void ORDER`, …), set on `args`; a usage error otherwise. */
function commandOf(words: readonly string[], args: Args): void {
  const command = words.join(" ");
  if (command === "" ) args.command = args.auto ? "auto" : "";
  else if (COMMANDS.has(command)) args.command = command;
  else if (ORDER_COMMANDS[words[0]!] !== undefined) {
    if (words.length !== 2) throw new UsageError(ORDER_COMMANDS[words[0]!]!);
    args.command = words[0]!;
    args.order = words[1];
  }
  else if (words[0] === "service") {
    if (words.length !== (args.drop ? 2 : 3)) {
      throw new UsageError("shipdesk service takes an order id and a service code: shipdesk service ORDER DOM.EP (or shipdesk service ORDER --drop for the settings' choice again).");
    }
    args.command = "service";
    args.order = words[1];
    args.service = words[2];
  }
  else if (words[0] === "printer") throw new UsageError(`Unknown command "${command}"; did you mean shipdesk printer test [--dry-run]?`);
  else if (words[0] === "alerts") throw new UsageError(`Unknown command "${command}"; did you mean shipdesk alerts test?`);
  else if (words[0] === "orders") throw new UsageError(`Unknown command "${command}"; did you mean shipdesk orders sync?`);
  else throw new UsageError(`Unknown command "${command}"; see shipdesk --help for the list.`);
}

/** The options given must go with the command given, and options that exclude each other: one sentence naming the pair otherwise. */
function checkCombinations(args: Args): void {
  if (args.retry.length > 0 && args.command !== "ship" && args.command !== "track") {
    throw new UsageError("--retry goes with shipdesk ship or shipdesk track.");
  }
  if (args.date !== undefined && args.command !== "report") throw new UsageError("--date goes with shipdesk report.");
  if (args.out !== undefined && args.command !== "report" && !(args.command === "printer test" && args.dryRun)) {
    throw new UsageError("--out goes with shipdesk report, or with shipdesk printer test --dry-run.");
  }
  if (args.again && args.command !== "print") throw new UsageError("--again goes with shipdesk print ORDER.");
  if (args.dryRun && args.command !== "printer test") throw new UsageError("--dry-run goes with shipdesk printer test.");
  if (args.date !== undefined && !parseLocalDay(args.date)) {
    throw new UsageError(`--date needs a day written YYYY-MM-DD, such as 2026-12-03; got "${args.date}".`);
  }
  if ((args.reason !== undefined || args.reship || args.email !== undefined) && args.command !== "void") {
    throw new UsageError("--reason, --reship and --email go with shipdesk void ORDER.");
  }
  const addressing = Object.keys(args.fields).length > 0 || args.show || (args.drop && args.command !== "service") || args.confirm;
  if (addressing && args.command !== "address") throw new UsageError("--line1, --city and the other address options go with shipdesk address ORDER.");
  if (args.drop && (Object.keys(args.fields).length > 0 || args.confirm)) {
    throw new UsageError("--drop goes back to Best Buy's address; it takes no other field. Give the fields without --drop to correct the address.");
  }
  if (args.release && args.command !== "hold") throw new UsageError("--release goes with shipdesk hold ORDER.");
  if (args.lateOk && args.command !== "service") throw new UsageError("--late-ok goes with shipdesk service ORDER CODE.");
  if (args.confirm && Object.keys(args.fields).length > 0) throw new UsageError("--confirm keeps the correction as it is; give either fields to change or --confirm.");
}
