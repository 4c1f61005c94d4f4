export { labelFileName, proofFileName, isValidWindowsFileName, isLabelFileOf } from "./file-name.ts";
export { labelsOnFile } from "./on-file.ts";
export { writeLabelFile, labelFileIsGood, writeProblem, LABELS_FOLDER_CAUSE, type WriteResult } from "./store.ts";
export { sha256 } from "../pdf.ts";
export { labelsFolderProblem } from "./probe.ts";
