// The program's own sources, parsed by the TypeScript compiler (the devDependency's API: in
// TypeScript 7 an async client of the native compiler), for the tests that check the house's
// rules on the code itself (test/sizes.test.ts, test/fetch-in-http.test.ts).
import { relative, join } from "node:path";
import { API } from "typescript/unstable/async";
import type { Node, SourceFile } from "typescript/unstable/ast";

export const ROOT = join(import.meta.dir, "../..");

export interface Source {
  /** Relative to the project root, with forward slashes: "src/http/client.ts". */
  path: string;
  file: SourceFile;
  /** The 1-based line of a position in the file. */
  lineOf(position: number): number;
}

/** Every .ts/.tsx file under src/ that tsconfig.json takes in, parsed; the compiler is closed after. */
export async function srcSources(): Promise<Source[]> {
  const api = new API({ cwd: ROOT });
  try {
    const snapshot = await api.updateSnapshot({ openProjects: [join(ROOT, "tsconfig.json")] });
    const project = snapshot.getProjects()[0];
    if (!project) throw new Error("the TypeScript compiler opened no project from tsconfig.json");
    const names = (await project.program.getSourceFileNames()).filter((name) => relative(ROOT, name).replaceAll("\\", "/").startsWith("src/"));
    const sources: Source[] = [];
    for (const name of names) {
      const file = await project.program.getSourceFile(name);
      if (!file) continue;
      sources.push({ path: relative(ROOT, name).replaceAll("\\", "/"), file, lineOf: (position) => file.getLineAndCharacterOfPosition(position).line + 1 });
    }
    return sources.sort((a, b) => a.path.localeCompare(b.path));
  } finally {
    await api.close();
  }
}

/** Calls `visit` on every node of the file, depth first. */
export function walk(file: SourceFile, visit: (node: Node) => void): void {
  const each = (node: Node): undefined => {
    visit(node);
    node.forEachChild(each);
    return undefined;
  };
  file.forEachChild(each);
}
