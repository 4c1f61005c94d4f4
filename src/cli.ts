// The entry point. --version and --help answer from here without loading the rest, so they
// are instant even in the compiled binary; everything else is imported on demand.
import { version } from "../package.json" with { type: "json" };
import { writeLine } from "./app/console-text.ts";
import { commandHelp, generalHelp } from "./cli/help.ts";

const argv = process.argv.slice(2);
// The embedded database's host (src/db/host/), started detached by the first shipdesk that needs
// the data folder: nothing else of shipdesk is loaded in it.
if (argv[0] === "__db-host") {
  const { runHost } = await import("./db/host/main.ts");
  process.exit(await runHost(argv.slice(1)));
}
if (argv.includes("--version") || argv[0] === "version") {
  writeLine(process.stdout, `shipdesk ${version}`);
  process.exit(0);
}
if (argv.includes("--help") || argv.includes("-h") || argv[0] === "help") {
  const words = argv.filter((a) => !a.startsWith("-") && a !== "help");
  const name = words[0] === "orders" ? "orders sync" : words[0] === "printer" ? "printer test" : words[0] === "alerts" ? "alerts test" : (words[0] ?? (argv.includes("--auto") ? "--auto" : ""));
  writeLine(process.stdout, name ? commandHelp(name, version) : generalHelp(version));
  process.exit(0);
}
// The entry dispatches to both faces: the command line, and (no command, in a terminal) the desk.
const { main } = await import("./cli/main.ts");
process.exitCode = await main(argv, version, async () => (await import("./tui/index.ts")).interactive);
