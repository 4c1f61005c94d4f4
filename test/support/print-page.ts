/** Waits for a print page started in another process to answer, for at most `ms`. */
export async function waitForPage(url: string, ms: number): Promise<void> {
  for (const deadline = Date.now() + ms; ; ) {
    try {
      if ((await fetch(`${url}/status`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the print page never answered at ${url}`);
    await Bun.sleep(50);
  }
}
