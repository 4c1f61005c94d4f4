import { afterAll, describe, expect, test } from "bun:test";
import { ConfigError, LIVE_HOSTS, loadSettings, type LoadOptions } from "../../src/config/index.ts";
import { customerRequestId, REQUEST_ID_MAX } from "../../src/shipping/request-id.ts";
import { settingsFiles } from "../support/settings-files.ts";

const files = settingsFiles("portal-config");
const { dir, withFile } = files;
afterAll(() => files.remove());

const PORTAL_ID = "0123456789abcdef0123456789abcdef";
const PORTAL_SECRET = "fedcba9876543210fedcba9876543210";
const SENDER = `[canadapost.sender]
company = "Northwind"
phone = "613-555-0142"
address_line_1 = "1 Main St"
city = "Ottawa"
province = "ON"
postal_code = "K1A 0B1"
[bestbuy]
api_key = "k-secret-key"
`;
const live = (keys: string) => `mode = "live"\n[canadapost]\n${keys}\ncustomer_number = "2004381"\ncontract_id = "42708517"\n${SENDER}`;

function refusal(options: LoadOptions): ConfigError {
  try {
    loadSettings(options);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected the settings to be refused");
}

const oneSentence = (m: string) => expect(m).toMatch(/^[A-Z][^\n]*\.$/);

describe("canadapost.api and the kind of key", () => {
  test("a portal client id under the XML API is refused, naming the API it belongs to, and never printing it", () => {
    const e = refusal(withFile(live(`username = "${PORTAL_ID}"\npassword = "${PORTAL_SECRET}"`)));
    expect(e.key).toBe("canadapost.username");
    expect(e.message).toContain("Developer Portal client id");
    expect(e.message).toContain('api = "portal"');
    expect(e.message).not.toContain(PORTAL_ID);
    oneSentence(e.message);
  });

  test("client_id and client_secret under the XML API are refused", () => {
    const e = refusal(withFile(live(`client_id = "${PORTAL_ID}"\nclient_secret = "${PORTAL_SECRET}"`)));
    expect(e.key).toBe("canadapost.api");
    expect(e.message).toContain("Developer Portal keys");
    oneSentence(e.message);
  });

  test('an XML username and password under api = "portal" are refused', () => {
    const e = refusal(withFile(live(`api = "portal"\nusername = "6e93d53968881714"\npassword = "0bfa9fcb9853d1f51ee57a"`)));
    expect(e.message).toContain("keys of the XML web services");
    expect(e.message).toContain('api = "xml"');
    oneSentence(e.message);
  });

  test('a "username:password" pair pasted as the client id is refused as an XML key', () => {
    const e = refusal(withFile(live(`api = "portal"\nclient_id = "6e93d53968881714:0bfa9fcb9853d1f51ee57a"\nclient_secret = "${PORTAL_SECRET}"`)));
    expect(e.key).toBe("canadapost.client_id");
    expect(e.message).toContain('"username:password" pair');
    expect(e.message).not.toContain("0bfa9fcb9853d1f51ee57a");
    oneSentence(e.message);
  });

  test("live with the portal needs client_id and client_secret, and talks to the portal gateway", () => {
    const missing = refusal(withFile(live(`api = "portal"`)));
    expect(missing.key).toBe("canadapost.client_id");
    expect(missing.message).toContain("CANADAPOST_CLIENT_ID");
    const s = loadSettings(withFile(live(`api = "portal"\nclient_id = "${PORTAL_ID}"\nclient_secret = "${PORTAL_SECRET}"`)));
    expect(s.canadaPost).toMatchObject({ api: "portal", clientId: PORTAL_ID, clientSecret: PORTAL_SECRET, baseUrl: LIVE_HOSTS.canadaPostPortal });
  });

  test("the environment switches a shop: CANADAPOST_API, CANADAPOST_CLIENT_ID and CANADAPOST_CLIENT_SECRET win over the file", () => {
    const s = loadSettings(
      withFile(live(`username = "6e93d53968881714"\npassword = "0bfa9fcb9853d1f51ee57a"`), {
        env: { CANADAPOST_API: "portal", CANADAPOST_CLIENT_ID: PORTAL_ID, CANADAPOST_CLIENT_SECRET: PORTAL_SECRET },
      }),
    );
    // The file's XML keys may stay beside the portal keys, for going back.
    expect(s.canadaPost.api).toBe("portal");
    expect(s.canadaPost.clientId).toBe(PORTAL_ID);
  });

  test("an unknown api is refused with both choices", () => {
    const e = refusal(withFile(`[canadapost]\napi = "rest"\n`));
    expect(e.key).toBe("canadapost.api");
    expect(e.message).toContain('"xml"');
    expect(e.message).toContain('"portal"');
  });

  test("the default stays xml, with sandbox keys of both kinds", () => {
    const s = loadSettings({ env: {}, cwd: dir.path, programDir: dir.path });
    expect(s.canadaPost.api).toBe("xml");
    expect(s.canadaPost.clientId).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe("customer-request-id", () => {
  test("at most 32 characters (the portal's request-id search), deterministic, and unchanged where it already fitted", () => {
    expect(REQUEST_ID_MAX).toBe(32);
    const fits = "A".repeat(30);
    expect(customerRequestId(fits, 1)).toBe(`${fits}-1`); // exactly 32
    const over = customerRequestId("A".repeat(31), 1); // 33 plain: hashed
    expect(over.length).toBeLessThanOrEqual(32);
    expect(over).toMatch(/^h[0-9a-f]{24}-1$/);
    expect(customerRequestId("A".repeat(31), 1)).toBe(over);
    expect(customerRequestId("A".repeat(31), 2)).not.toBe(over);
    const huge = customerRequestId("B".repeat(80), 1_234_567);
    expect(huge.length).toBeLessThanOrEqual(32);
    expect(huge.endsWith("-1234567")).toBe(true);
  });
});
