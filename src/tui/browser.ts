/**
 * Tries to show the page in the clerk's browser. Best effort only: the address is on the
 * screen anyway, so a missing opener (or no desktop at all) is never an error.
 */
export function tryOpenBrowser(url: string): boolean {
  const command = openerFor(process.platform, process.env);
  if (!command) return false;
  try {
    const child = Bun.spawn([...command, url], { stdin: "ignore", stdout: "ignore", stderr: "ignore" });
    child.unref();
    return true;
  } catch {
    return false;
  }
}

/** No desktop on Linux (a server, an SSH session, the tests' tmux): nothing to open a browser on. */
export function openerFor(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] | undefined {
  // Not `cmd /c start`: cmd re-parses the address, and quoting an empty title through it is fragile.
  if (platform === "win32") return ["rundll32", "url.dll,FileProtocolHandler"];
  if (platform === "darwin") return ["open"];
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return ["xdg-open"];
  return undefined;
}
