// Alerts by e-mail over SMTP (nodemailer). Each attempt is recorded in api_calls (service
// 'Alert', endpoint 'Email') like every other call shipdesk makes; the password never is.
import type { EmailSettings } from "../config/index.ts";
import { redact, type AuditLog } from "../http/index.ts";
import type { AlertFailureCode } from "../status/index.ts";
import type { Channel, Delivery } from "./channel.ts";
import { plainText, type AlertMessage } from "./message.ts";

/** What nodemailer's errors carry (its NodemailerError). */
interface MailError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
  timeoutType?: string;
}

const ATTEMPTS = 2;
const PAUSE_MS = 1000;

/** Which fix applies, from nodemailer's code and the server's reply code. */
export function mailFailureCode(e: MailError): AlertFailureCode {
  const code = e.code ?? "";
  if (code === "EAUTH" || code === "ENOAUTH") return "auth";
  if (code === "ETLS" || code === "EREQUIRETLS" || e.timeoutType === "GREETING_TIMEOUT" || /wrong version number|ssl|tls/i.test(e.message ?? "")) return "tls";
  if (e.responseCode !== undefined && e.responseCode >= 400 && e.responseCode < 500) return "server";
  if (code === "EENVELOPE") return "address";
  if (e.responseCode !== undefined && e.responseCode >= 500) return "rejected";
  if (code === "ECONFIG") return "rejected";
  return "unreachable";
}

/** "smtp.example.com:587 (starttls)": the server alone, never the user or the password. */
export const mailServer = (s: EmailSettings): string => `${s.server}:${s.port} (${s.tls})`;

/** nodemailer is loaded when an e-mail is sent, not with every command. */
async function transportOf(s: EmailSettings, timeoutMs: number) {
  const { createTransport } = await import("nodemailer");
  return createTransport({
    host: s.server,
    port: s.port,
    secure: s.tls === "tls",
    requireTLS: s.tls === "starttls",
    ignoreTLS: s.tls === "none",
    ...(s.user ? { auth: { user: s.user, pass: s.password ?? "" } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
    // An alert is text: nothing it says may make nodemailer read a file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
  });
}

export function emailChannel(s: EmailSettings, audit: AuditLog, timeoutMs: number): Channel {
  const secrets = [s.password ?? ""].filter((x) => x.length >= 4);
  const url = `${s.tls === "tls" ? "smtps" : "smtp"}://${s.server}:${s.port}`;
  const once = async (m: AlertMessage, attempt: number): Promise<Delivery> => {
    const mail = { from: s.from, to: s.to, subject: m.title, text: plainText(m) };
    const started = performance.now();
    let delivery: Delivery;
    let reply: { code: number | null; text: string | null; error: string | null };
    let transport: Awaited<ReturnType<typeof transportOf>> | undefined;
    try {
      transport = await transportOf(s, timeoutMs);
      const info = await transport.sendMail(mail);
      const answered = redact(String(info.response ?? "accepted"), secrets);
      delivery = { ok: true, answered };
      reply = { code: Number(/^\d{3}/.exec(answered)?.[0]) || null, text: answered, error: null };
    } catch (error) {
      const e = error as MailError;
      const said = redact((e.response ?? e.message ?? String(error)).replace(/\s+/g, " ").trim(), secrets);
      const tries = attempt > 1 ? ` (${attempt} tries)` : "";
      delivery = { ok: false, code: mailFailureCode(e), sentence: `The alert e-mail through ${mailServer(s)} was not delivered: ${said}${tries}.` };
      reply = { code: e.responseCode ?? null, text: e.response ? redact(e.response, secrets) : null, error: redact(`${e.code ?? "error"}: ${e.message ?? String(error)}`, secrets) };
    } finally {
      transport?.close();
    }
    await audit.record({
      service: "Alert",
      endpoint: "Email",
      relatedId: m.kind,
      method: "SMTP",
      url,
      requestPayload: { from: mail.from, to: mail.to, subject: mail.subject, text: mail.text },
      responseBody: reply.text,
      statusCode: reply.code,
      isSuccess: delivery.ok,
      durationMs: performance.now() - started,
      error: reply.error,
      attempt,
    });
    return delivery;
  };
  return {
    name: "email",
    described: `e-mail through ${mailServer(s)} to ${s.to.join(", ")}`,
    async send(message) {
      let delivery: Delivery = await once(message, 1);
      // A server that is busy or a connection that failed gets one more try; a refusal does not.
      for (let attempt = 2; attempt <= ATTEMPTS && !delivery.ok && (delivery.code === "server" || delivery.code === "unreachable"); attempt++) {
        await Bun.sleep(PAUSE_MS);
        delivery = await once(message, attempt);
      }
      return delivery;
    },
  };
}
