/**
 * What a shipdesk process is, in the clerk's words, from its command line: the messages that
 * say who holds the data folder name it so, never by the binary's internal path (/$bunfs/…).
 */
export function programOf(args: readonly string[] = process.argv.slice(2)): string {
  const words = args.filter((a) => !a.startsWith("-"));
  const auto = args.includes("--auto");
  const command = words[0];
  if (command === "serve") return "the print page (shipdesk serve)";
  if (auto) return `a scheduled run (shipdesk ${command && /^[a-z-]+$/.test(command) ? `${command} ` : ""}--auto)`;
  if (command === undefined) return "the desk (shipdesk)";
  if (/^[a-z-]+$/.test(command)) return `shipdesk ${command}`;
  return "another shipdesk";
}
