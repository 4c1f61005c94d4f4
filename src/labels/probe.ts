import { folderFault, folderSentence, folderSetting } from "../config/index.ts";

/**
 * Before the first label of a run is bought: the labels folder exists (or is made) and a file
 * can be written there, flushed to disk and removed. A label bought into a folder that cannot
 * take it is paid for and not saved; found here, nothing is bought. Undefined when all is well,
 * else the one sentence naming the folder, the setting and the fix.
 */
export function labelsFolderProblem(dir: string, settingsFile: string | undefined, env: Record<string, string | undefined> = process.env): string | undefined {
  const code = folderFault(dir, { flush: true });
  if (code === undefined) return undefined;
  const where = folderSetting("labels_dir", "SHIPDESK_LABELS_DIR", settingsFile, env);
  return `${folderSentence("labels folder", dir, code, where)}; nothing was bought.`;
}
