export { labelFileName, isValidWindowsFileName } from "./file-name.ts";
export { writeLabelFile, labelFileIsGood, isPdf, sha256, writeProblem, type WriteResult } from "./store.ts";
