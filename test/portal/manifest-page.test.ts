// The print page's manifest tests (test/manifest/print-page.test.ts) over the Developer Portal adapter.
import { againstPortal } from "../support/carriers.ts";

await againstPortal(import.meta.dir, "../manifest/print-page.test.ts");
