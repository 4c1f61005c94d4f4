/**
 * A fetch that sends requests for some origins to others. The built-in sandbox writes a fixed
 * origin into its links (they are stored with the label and must work in later runs, as Canada
 * Post's do), while the server behind it listens on a new loopback port in each run.
 */
export function routedFetch(routes: Readonly<Record<string, string>>, inner: typeof fetch = fetch): typeof fetch {
  const routed = (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
    const target = routes[url.origin];
    if (target === undefined) return inner(input, init);
    const to = new URL(target);
    url.protocol = to.protocol;
    url.host = to.host;
    return inner(url, init);
  };
  return Object.assign(routed, { preconnect: inner.preconnect }) as typeof fetch;
}
