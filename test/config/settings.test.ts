import { afterAll, describe, expect, test } from "bun:test";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ConfigError, loadSettings, LIVE_HOSTS } from "../../src/config/index.ts";
import { settingsFiles } from "../support/settings-files.ts";

const files = settingsFiles("config");
const { dir, withFile } = files;
afterAll(() => files.remove());

const LIVE = `
mode = "live"
[canadapost]
username = "u-secret-user"
password = "p-secret-pass"
customer_number = "2004381"
contract_id = "42708517"
[canadapost.sender]
company = "Northwind"
phone = "613-555-0142"
address_line_1 = "1 Main St"
city = "Ottawa"
province = "on"
postal_code = "k1a 0b1"
[bestbuy]
api_key = "k-secret-key"
`;

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

/** One sentence: starts with a capital, ends with a period, no line breaks, no stack. */
function expectOneSentence(message: string) {
  expect(message).toMatch(/^[A-Z][^\n]*\.$/);
  expect(message).not.toContain("    at ");
}

describe("settings", () => {
  test("no file and no environment: sandbox mode with working defaults", () => {
    const s = loadSettings({ env: {}, cwd: dir.path, programDir: dir.path });
    expect(s.mode).toBe("sandbox");
    expect(s.file).toBeUndefined();
    expect(s.canadaPost.baseUrl).toBeUndefined();
    expect(s.bestBuy.carrierCode).toBe("CPCL");
    expect(s.run.concurrency).toBe(4);
    expect(s.labelsDir).toBe(join(dir.path, "labels"));
    expect(s.dataDir).toBe(join(dir.path, "shipdesk-data"));
  });

  test("a complete live file: live hosts, normalised sender, paths relative to the file", () => {
    // labels_dir is a top-level key, so it goes before the first [section].
    const s = loadSettings(withFile(`labels_dir = "out/labels"\n` + LIVE));
    expect(s.mode).toBe("live");
    expect(s.canadaPost.baseUrl).toBe(LIVE_HOSTS.canadaPostProduction);
    expect(s.bestBuy.baseUrl).toBe(LIVE_HOSTS.bestBuy);
    expect(s.canadaPost.sender.postalCode).toBe("K1A0B1");
    expect(s.canadaPost.sender.province).toBe("ON");
    expect(s.labelsDir).toBe(join(s.file!, "..", "out", "labels"));
  });

  test("environment variables win over the file", () => {
    const s = loadSettings(
      withFile(LIVE, {
        env: { CANADAPOST_BASE_URL: "http://127.0.0.1:9/", BESTBUY_API_KEY: "from-env", SHIPDESK_LABELS_DIR: "C:\\Labels" },
      }),
    );
    expect(s.canadaPost.baseUrl).toBe("http://127.0.0.1:9/");
    expect(s.bestBuy.apiKey).toBe("from-env");
    expect(s.labelsDir).toBe("C:\\Labels"); // a Windows path stays as given
  });

  test("a missing secret in live mode names the key and both ways to fix it", () => {
    const e = errorOf(() => loadSettings(withFile(LIVE.replace('password = "p-secret-pass"\n', ""))));
    expect(e.key).toBe("canadapost.password");
    expect(e.message).toContain("CANADAPOST_PASSWORD");
    expect(e.message).toContain("[canadapost]");
    expectOneSentence(e.message);
  });

  test("a bad value names the key and what is wrong, never the secret values", () => {
    const e = errorOf(() => loadSettings(withFile(LIVE.replace('customer_number = "2004381"', 'customer_number = "20O4381"'))));
    expect(e.key).toBe("canadapost.customer_number");
    expect(e.message).toContain("digits");
    for (const secret of ["u-secret-user", "p-secret-pass", "k-secret-key"]) expect(e.message).not.toContain(secret);
    expectOneSentence(e.message);
  });

  test("a bad value from the environment says which variable to fix", () => {
    const e = errorOf(() => loadSettings(withFile(LIVE, { env: { BESTBUY_BASE_URL: "marketplace.bestbuy.ca" } })));
    expect(e.key).toBe("bestbuy.base_url");
    expect(e.message).toContain("environment variable BESTBUY_BASE_URL");
    expectOneSentence(e.message);
  });

  test("a wrong type says how to write it", () => {
    const e = errorOf(() => loadSettings(withFile(`[run]\nconcurrency = "four"\n`)));
    expect(e.key).toBe("run.concurrency");
    expect(e.message).toContain("without quotes");
    expectOneSentence(e.message);
  });

  test("a number out of range", () => {
    const e = errorOf(() => loadSettings(withFile(`[parcel]\nweight_kg = 45\n`)));
    expect(e.key).toBe("parcel.weight_kg");
    expect(e.message).toContain("at most 30");
  });

  test("an unknown key (a typo) is refused, not ignored", () => {
    const e = errorOf(() => loadSettings(withFile(`[canadapost]\nservice_cod = "DOM.EP"\n`)));
    expect(e.key).toBe("canadapost.service_cod");
    expect(e.message).toContain("spelling");
    expectOneSentence(e.message);
  });

  test("a bad choice lists the choices", () => {
    const e = errorOf(() => loadSettings(withFile(`[canadapost]\nlabel_format = "A4"\n`)));
    expect(e.message).toContain('"4x6"');
    expect(e.message).toContain('"8.5x11"');
  });

  test("a refund e-mail that is not one", () => {
    const e = errorOf(() => loadSettings(withFile(`[canadapost]\nrefund_email = "shipping desk"\n`)));
    expect(e.key).toBe("canadapost.refund_email");
    expect(e.message).toContain("e-mail address");
    expectOneSentence(e.message);
    expect(loadSettings(withFile(`[canadapost]\nrefund_email = "desk@example.com"\n`)).canadaPost.refundEmail).toBe("desk@example.com");
  });

  test("a bad sender postal code", () => {
    const e = errorOf(() => loadSettings(withFile(LIVE.replace('postal_code = "k1a 0b1"', 'postal_code = "12345"'))));
    expect(e.key).toBe("canadapost.sender.postal_code");
    expect(e.message).toContain("K1A 0B1");
  });

  test("a file that is not TOML says so with the parser's line", () => {
    const e = errorOf(() => loadSettings(withFile(`mode = sandbox\n`)));
    expect(e.message).toContain("not valid TOML");
    expectOneSentence(e.message);
  });

  test("--config pointing nowhere", () => {
    const e = errorOf(() => loadSettings({ configPath: join(dir.path, "nope.toml"), env: {} }));
    expect(e.message).toContain("does not exist");
    expectOneSentence(e.message);
  });

  test("a settings file readable by others earns a warning on POSIX, not on Windows", () => {
    const opts = withFile(LIVE);
    chmodSync(opts.configPath!, 0o644);
    const posix = loadSettings(opts);
    expect(posix.warnings.join(" ")).toContain("chmod 600");
    expect(loadSettings({ ...opts, platform: "win32" }).warnings).toEqual([]);
    chmodSync(opts.configPath!, 0o600);
    expect(loadSettings(opts).warnings).toEqual([]);
  });

  test("the settings file beside the program is found before the working folder's", () => {
    const programDir = join(dir.path, "program");
    const cwd = join(dir.path, "elsewhere");
    mkdirSync(programDir, { recursive: true });
    mkdirSync(cwd, { recursive: true });
    writeFileSync(join(programDir, "shipdesk.toml"), `[run]\nconcurrency = 2\n`, { mode: 0o600 });
    writeFileSync(join(cwd, "shipdesk.toml"), `[run]\nconcurrency = 3\n`, { mode: 0o600 });
    const s = loadSettings({ env: {}, cwd, programDir });
    expect(s.run.concurrency).toBe(2);
    expect(s.dataDir).toBe(join(programDir, "shipdesk-data"));
  });
});

describe("the sender's address and the account's numbers, checked at start-up", () => {
  const withSender = (province: string, postal: string) => LIVE.replace('province = "on"', `province = "${province}"`).replace('postal_code = "k1a 0b1"', `postal_code = "${postal}"`);

  test("a province its postal code is not in: one sentence naming canadapost.sender.province and the province the code is in", () => {
    const e = errorOf(() => loadSettings(withFile(withSender("QC", "K1A 0B1"))));
    expect(e.key).toBe("canadapost.sender.province");
    expect(e.message).toContain("Setting canadapost.sender.province is QC but the sender's postal code K1A 0B1 is in Ontario (ON)");
    expectOneSentence(e.message);
  });

  test("X is both the Northwest Territories and Nunavut: either is accepted; a letter Canada Post never uses is refused", () => {
    expect(loadSettings(withFile(withSender("NU", "X0A 0H0"))).canadaPost.sender.province).toBe("NU");
    expect(loadSettings(withFile(withSender("NT", "X1A 2L9"))).canadaPost.sender.province).toBe("NT");
    const e = errorOf(() => loadSettings(withFile(withSender("ON", "K1D 0B1"))));
    expect(e.key).toBe("canadapost.sender.postal_code");
    expect(e.message).toContain('"K1D 0B1" is not a Canadian postal code');
    expectOneSentence(e.message);
  });

  test("an all-zero customer number, contract or mobo is refused; up to 10 digits with leading zeros is fine", () => {
    const cases: [string, string][] = [
      ["customer_number", LIVE.replace('customer_number = "2004381"', 'customer_number = "0000000"')],
      ["contract_id", LIVE.replace('contract_id = "42708517"', 'contract_id = "0000000000"')],
      ["mobo", LIVE.replace('contract_id = "42708517"', 'contract_id = "42708517"\nmobo = "0"')],
    ];
    for (const [key, toml] of cases) {
      const e = errorOf(() => loadSettings(withFile(toml)));
      expect(e.key).toBe(`canadapost.${key}`);
      expect(e.message).toContain("is all zeros");
      expectOneSentence(e.message);
    }
    const s = loadSettings(withFile(LIVE.replace('contract_id = "42708517"', 'contract_id = "0040012345"')));
    expect(s.canadaPost.contractId).toBe("0040012345");
  });

  test("a file that is not UTF-8 is refused naming the first such line; a UTF-8 byte-order mark is fine", () => {
    const latin1 = withFile("");
    writeFileSync(latin1.configPath!, Buffer.from(`[canadapost.sender]\ncity = "Québec"\n`, "latin1"));
    const e = errorOf(() => loadSettings(latin1));
    expect(e.message).toBe(`The settings file ${latin1.configPath} is not saved as UTF-8 (line 2: city = "Qu?bec"); open it in Notepad, choose File > Save As with Encoding "UTF-8", and run shipdesk again.`);
    const bom = withFile("");
    writeFileSync(bom.configPath!, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(LIVE.replace('city = "Ottawa"', 'city = "Gatineau"').replace('province = "on"', 'province = "QC"').replace('postal_code = "k1a 0b1"', 'postal_code = "J8X 3X7"'), "utf8")]));
    expect(loadSettings(bom).canadaPost.sender.city).toBe("Gatineau");
  });
});
