// Run once before the tests (bunfig.toml): from a clean clone, the database shipped inside
// shipdesk is made here (a few seconds, in a process of its own), not inside whichever test first
// opens an embedded database, where it would eat that test's time limit.
import { shippedDatabase } from "../../src/db/template/shipped.ts";

await shippedDatabase();
