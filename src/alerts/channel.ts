// A place alerts go (the webhook, e-mail), and what came of sending one message there.
import type { AlertFailureCode } from "../status/index.ts";
import type { AlertMessage } from "./message.ts";

export type ChannelName = "webhook" | "email";

export type Delivery =
  | { ok: true; /** What the server answered, in a few words. */ answered: string }
  | {
      ok: false;
      code: AlertFailureCode;
      /** One sentence: which channel, what answered (never the secret). */
      sentence: string;
    };

export interface Channel {
  name: ChannelName;
  /** "webhook to hooks.slack.com (slack)": what it is, without its secret. */
  described: string;
  send(message: AlertMessage): Promise<Delivery>;
}

/** The failures a person fixes in the settings (exit 2 for `alerts test`); the rest are the server's or the network's (exit 3). */
export const isSettingsFault = (code: AlertFailureCode): boolean => code !== "server" && code !== "unreachable";

/** The logs' and the audit's lines never carry the secrets, whatever a server echoed. */
export interface AlertLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
