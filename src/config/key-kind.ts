import { ConfigError } from "./errors.ts";

/**
 * Canada Post has two kinds of API keys that cannot stand in for each other: the XML web
 * services' username and password (a 16-hex-digit username, often pasted as one
 * "username:password" pair), and a Developer Portal app's client id and secret (32 hex digits
 * each). A key of the wrong kind fails only at the first label, with a bare 401; here it is
 * refused at start-up with the API it belongs to.
 */
const PORTAL_KEY = /^[0-9a-f]{32}$/i;
const looksLikePair = (s: string) => /^[^:\s]+:[^:\s]+$/.test(s);

export interface KeysGiven {
  api: "xml" | "portal";
  username?: string | undefined;
  password?: string | undefined;
  client_id?: string | undefined;
  client_secret?: string | undefined;
}

/**
 * Both kinds may sit in one file (a shop switching keeps the old keys until the day's group is
 * transmitted); refused are a key in the wrong kind's place, and keys of only the other kind.
 */
export function checkKeyKind(k: KeysGiven, where: string): void {
  const xmlGiven = k.username !== undefined || k.password !== undefined;
  const portalGiven = k.client_id !== undefined || k.client_secret !== undefined;
  if (k.api === "xml") {
    if (k.username !== undefined && PORTAL_KEY.test(k.username)) {
      throw new ConfigError(
        `Setting canadapost.username holds a Developer Portal client id (32 hexadecimal digits), which the XML web services refuse; set api = "portal" under [canadapost] in ${where} and give the pair as client_id and client_secret, or put the XML web services' username and password here.`,
        "canadapost.username",
      );
    }
    if (portalGiven && !xmlGiven) {
      throw new ConfigError(
        `Setting canadapost.client_id and client_secret are Developer Portal keys, which only the Developer Portal API takes, but canadapost.api is "xml"; set api = "portal" under [canadapost] in ${where} (or CANADAPOST_API=portal), or give the XML web services' username and password.`,
        "canadapost.api",
      );
    }
    return;
  }
  for (const [key, value] of [["client_id", k.client_id], ["client_secret", k.client_secret]] as const) {
    if (value === undefined) continue;
    if (looksLikePair(value)) {
      throw new ConfigError(
        `Setting canadapost.${key} holds a "username:password" pair, which is a key of the XML web services, not of the Developer Portal; give the portal app's ${key.replace("_", " ")} (32 hexadecimal digits) in ${where}, or set api = "xml" and put the pair in username and password.`,
        `canadapost.${key}`,
      );
    }
    if (!PORTAL_KEY.test(value)) {
      throw new ConfigError(
        `Setting canadapost.${key} must be the 32 hexadecimal digits the Developer Portal shows for your app (a shorter key with a password is an XML web services key: then set api = "xml"); fix it in ${where}.`,
        `canadapost.${key}`,
      );
    }
  }
  if (xmlGiven && !portalGiven) {
    throw new ConfigError(
      `Setting canadapost.username and password are keys of the XML web services, which the Developer Portal API refuses, but canadapost.api is "portal"; give your portal app's client_id and client_secret in ${where}, or set api = "xml" to keep using them.`,
      "canadapost.username",
    );
  }
}
