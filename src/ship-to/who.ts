import { hostname, userInfo } from "node:os";

/** Who made a correction: the computer's user and its name (the clerk's desk has no log-in). */
export function whoAmI(env: Record<string, string | undefined> = process.env): string {
  let user: string | undefined;
  let uid: number | undefined;
  try {
    const info = userInfo();
    uid = info.uid;
    // Bun answers "unknown" where it finds no name (seen for root); the environment may still say.
    if (info.username && info.username !== "unknown") user = info.username;
  } catch {
    // No passwd entry (a container, some service accounts).
  }
  user ||= env.USERNAME ?? env.USER ?? env.LOGNAME ?? (uid !== undefined && uid >= 0 ? `uid ${uid}` : "unknown user");
  let host = "";
  try {
    host = hostname();
  } catch {
    host = env.COMPUTERNAME ?? "";
  }
  return host ? `${user}@${host}` : user;
}
