// The label workflow's tests (test/shipping/workflow.test.ts) over the Developer Portal adapter.
import { againstPortal } from "../support/carriers.ts";

await againstPortal(import.meta.dir, "../shipping/workflow.test.ts");
