import { hostname, userInfo } from "node:os";

/** Who made a correction: the computer's user and its name (the clerk's desk has no log-in). */
export function whoAmI(env: Record<string, string | undefined> = process.env): string {
  let user: string | undefined;
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (a container, some service accounts): the environment may still say.
  }
  user ||= env.USERNAME ?? env.USER ?? "unknown user";
  let host = "";
  try {
    host = hostname();
  } catch {
    host = env.COMPUTERNAME ?? "";
  }
  return host ? `${user}@${host}` : user;
}
