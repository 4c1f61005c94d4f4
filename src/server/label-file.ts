import { realpathSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import { PDFDocument } from "pdf-lib";
import { looksLikePdf, looksLikeZpl } from "../pdf.ts";

/** What is on disk for one label, checked before it is served, merged or fetched again. */
export type LabelFile =
  | { state: "ok"; path: string; bytes: Uint8Array; encoding: "pdf" | "zpl" }
  | { state: "missing"; path: string }
  | { state: "corrupt"; path: string; reason: string }
  | { state: "outside"; path: string };

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * Where a label file is, from the database row (never from the request). A relative path is
 * taken inside the labels folder. Symlinks are resolved so that a link cannot lead out of it.
 */
export function locateLabel(labelsDir: string, storedPath: string): { path: string; inside: boolean } {
  const root = realOrSelf(resolve(labelsDir));
  const path = resolve(root, storedPath);
  return { path, inside: inside(root, path) && inside(root, realOrSelf(path)) };
}

/** Whether a stored label is ZPL (saved as .zpl) rather than a PDF. */
export const isZplLabel = (storedPath: string | null): boolean => (storedPath ?? "").toLowerCase().endsWith(".zpl");

/** Reads and checks one label: present, inside the labels folder, and a PDF pdf-lib can open (or ZPL, for a .zpl). */
export async function readLabel(labelsDir: string, storedPath: string): Promise<LabelFile> {
  const { path, inside } = locateLabel(labelsDir, storedPath);
  if (!inside) return { state: "outside", path };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return { state: "missing", path };
    return { state: "corrupt", path, reason: "it cannot be read" };
  }
  if (isZplLabel(storedPath)) return looksLikeZpl(bytes) ? { state: "ok", path, bytes, encoding: "zpl" } : { state: "corrupt", path, reason: "it is not a ZPL label" };
  if (!looksLikePdf(bytes)) return { state: "corrupt", path, reason: "it is not a PDF" };
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    if (doc.getPageCount() === 0) return { state: "corrupt", path, reason: "it has no pages" };
  } catch {
    return { state: "corrupt", path, reason: "it is damaged" };
  }
  return { state: "ok", path, bytes, encoding: "pdf" };
}
