// The rules of the house (README, "For the maintainer"): which folder of src/ may import which.
// `.ci/run` checks them before the tests (`bun run rules`); a broken rule fails CI with its
// comment as the reason. dependency-cruiser sees imports, not calls: that only src/http/ calls
// fetch is checked by test/fetch-in-http.test.ts, the sizes of files and functions by
// test/sizes.test.ts.

/** The workflows: each runs alone, and they meet only in the database. */
const WORKFLOWS = "shipping|tracking|manifest|voids|orders|ship-to|printing|parcels";
/**
 * What the workflows stand on; none of it knows a workflow or the faces above. src/deadlines/
 * (time left, the board, the late rate) is here: the label run orders its batch by it, and status,
 * the print page, the desk and the alerts read it.
 */
const BELOW_WORKFLOWS = "rates|canadapost|bestbuy|labels|http|config|db|address|common|deadlines";
/**
 * The alerts (src/alerts/): after a run, a person is told what is new. They read what status and
 * the deadlines say, the report's spend, and send through src/http (and SMTP); they buy nothing and
 * run no workflow. Only the composition root (after a run) and the command line (alerts test) call them.
 */
const ALERTS = "alerts";
/** The faces: the clerk's desk, the command line, the print page, and the composition root under them. */
const FACES = "tui|cli|server|app";

module.exports = {
  forbidden: [
    {
      name: "workflows-are-independent",
      comment:
        "A workflow (shipping, tracking, manifest, voids, orders intake, ship-to, the parcel watch) imports no other: they meet only in the database. Move what both need to src/common/ (or read it from the database).",
      severity: "error",
      from: { path: `^src/(${WORKFLOWS})/` },
      to: { path: `^src/(${WORKFLOWS})/`, pathNot: "^src/$1/" },
    },
    {
      name: "no-production-code-imports-the-sandbox",
      comment:
        "Production code never imports src/sandbox/ (protocol-faithful fakes for the tests and the demo). The one exception is the composition root's src/app/sandboxes.ts, which starts the built-in sandboxes in sandbox mode (loaded on demand: a live run never loads them).",
      severity: "error",
      from: { path: "^src/", pathNot: ["^src/sandbox/", "^src/app/sandboxes\\.ts$"] },
      to: { path: "^src/sandbox/" },
    },
    {
      name: "the-sandbox-borrows-no-production-logic",
      comment:
        "src/sandbox/ stands in for Canada Post and Best Buy: it imports nothing of production but types, so a mistake in production's logic (a calendar, a price, a parser) is caught by the tests instead of being mirrored by the fake.",
      severity: "error",
      from: { path: "^src/sandbox/" },
      to: { path: "^src/", pathNot: "^src/sandbox/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "clients-know-no-workflow",
      comment:
        "The carrier and marketplace clients (src/canadapost/, src/bestbuy/) know no workflow, no face and no other client: they stand on src/http/, src/config/, src/address/, src/common/ and src/pdf.ts only.",
      severity: "error",
      from: { path: "^src/(canadapost|bestbuy)/" },
      to: { path: "^src/", pathNot: ["^src/$1/", "^src/(http|config|address|common)/", "^src/pdf\\.ts$"] },
    },
    {
      name: "database-layer-imports-nothing-above-it",
      comment: "src/db/ (server or embedded PostgreSQL, migrations, the SQL file loader) imports nothing else of src/.",
      severity: "error",
      from: { path: "^src/db/" },
      to: { path: "^src/", pathNot: "^src/db/" },
    },
    {
      name: "http-is-below-the-clients",
      comment: "src/http/ (the one place that calls fetch, with the api_calls audit) stands on src/db/, src/config/, src/common/ and src/pdf.ts only.",
      severity: "error",
      from: { path: "^src/http/" },
      to: { path: "^src/", pathNot: ["^src/(http|db|config|common)/", "^src/pdf\\.ts$"] },
    },
    {
      name: "common-is-neutral",
      comment:
        "src/common/ is the neutral home of what several rooms use (calendar, money, the worker pool, the order's address row, the lock names): it imports no room but the pure address rules and the database's types.",
      severity: "error",
      from: { path: "^src/common/" },
      to: { path: "^src/", pathNot: ["^src/common/", "^src/address/", "^src/db/"] },
    },
    {
      name: "common-uses-only-the-database-types",
      comment: "src/common/ names the database's types only (a Queryable it is handed): it never opens a database.",
      severity: "error",
      from: { path: "^src/common/" },
      to: { path: "^src/db/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "address-rules-are-pure",
      comment: "src/address/ (Canadian address rules) is pure: it imports nothing else of src/.",
      severity: "error",
      from: { path: "^src/address/" },
      to: { path: "^src/", pathNot: "^src/address/" },
    },
    {
      name: "nothing-below-knows-the-faces",
      comment:
        "The workflows and what they stand on never import the desk, the command line, the print page or the composition root: those call down, never the other way.",
      severity: "error",
      from: { path: `^src/(${WORKFLOWS}|${BELOW_WORKFLOWS}|status|report|${ALERTS})/` },
      to: { path: [`^src/(${FACES})/`, "^src/cli\\.ts$"] },
    },
    {
      name: "no-workflow-below-the-workflows",
      comment: "What the workflows stand on (rates, the clients, labels, http, config, db, address, common, deadlines) imports no workflow.",
      severity: "error",
      from: { path: `^src/(${BELOW_WORKFLOWS})/` },
      to: { path: `^src/(${WORKFLOWS}|status|report|${ALERTS})/` },
    },
    {
      name: "alerts-run-no-workflow",
      comment:
        "The alerts tell a person what status and the deadlines say; they never buy, ship, void or print: they import no workflow (read what a workflow left in the database through src/status/ or src/deadlines/).",
      severity: "error",
      from: { path: `^src/${ALERTS}/` },
      to: { path: `^src/(${WORKFLOWS})/` },
    },
    {
      name: "alerts-are-sent-after-a-run",
      comment:
        "Only the composition root (src/app/after-run.ts, after --auto or the desk) and the command line (shipdesk alerts test) send alerts: a workflow, status or the print page never does, so one run sends one message per new problem.",
      severity: "error",
      from: { path: "^src/", pathNot: [`^src/${ALERTS}/`, "^src/(app|cli)/"] },
      to: { path: `^src/${ALERTS}/` },
    },
    {
      name: "desk-and-cli-meet-only-in-app",
      comment:
        "The clerk's desk (src/tui/) and the command line (src/cli/) import nothing of each other: what both run (the app, its log, run record, exit codes, the shared commands) is in src/app/. Only the entry, src/cli.ts, knows both: it hands the desk to the command line's main.",
      severity: "error",
      from: { path: "^src/(tui|cli)/" },
      to: { path: ["^src/(tui|cli)/", "^src/cli\\.ts$"], pathNot: "^src/$1/" },
    },
    {
      name: "app-is-below-the-desk-and-the-cli",
      comment: "src/app/ (the composition root) is below both faces: it imports neither the desk nor the command line.",
      severity: "error",
      from: { path: "^src/app/" },
      to: { path: ["^src/(tui|cli)/", "^src/cli\\.ts$"] },
    },
    {
      name: "print-page-is-handed-what-it-may-call",
      comment: "The print page (src/server/) is handed what it may call (the app builds it): it imports neither the composition root nor the desk nor the command line.",
      severity: "error",
      from: { path: "^src/server/" },
      to: { path: ["^src/(app|tui|cli)/", "^src/cli\\.ts$"] },
    },
    {
      name: "src-never-imports-tests",
      comment: "The program never imports test/ code or fixtures.",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^test/" },
    },
    {
      name: "no-circular",
      comment: "No import cycles: a cycle makes the load order matter and the layering meaningless.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
  ],
  options: {
    // TypeScript 7.0's package has no compiler API dependency-cruiser can use (it supports
    // typescript <7.0 and >=7.1): @swc/core parses the sources instead, type-only imports included.
    parser: "swc",
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|build)/" },
    moduleSystems: ["es6"],
  },
};
