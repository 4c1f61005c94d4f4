// The fix for an alert that was not delivered (status lists it until a message goes through).

/** Why an alert was not delivered, as the fix needs it (alert_channels.failure_code). */
export type AlertFailureCode =
  /** The SMTP server refused the user or password. */
  | "auth"
  /** The SMTP server refused the sender or a recipient. */
  | "address"
  /** The TLS setting does not match the server's port. */
  | "tls"
  /** The webhook's address is refused: gone, mistyped, not allowed. */
  | "url"
  /** The webhook refused the message's shape (webhook_format). */
  | "format"
  /** The server said no to the message itself (a mail server's 5xx, a webhook's other 4xx). */
  | "rejected"
  /** The server had a fault or asked to wait (5xx, 429, a mail server's 4xx). */
  | "server"
  /** No answer: a wrong host or port, a firewall, the network. */
  | "unreachable";

const THEN = "then run shipdesk alerts test. Runs go on meanwhile; what was not delivered is sent by the first run after it works.";

const FIX: Record<AlertFailureCode, string> = {
  auth: `Check alerts.email.user and the password (alerts.email.password, or SHIPDESK_SMTP_PASSWORD) in shipdesk.toml: many mail services want an app password for SMTP; ${THEN}`,
  address: `Check alerts.email.from (an address this mail server lets you send from) and alerts.email.to in shipdesk.toml; ${THEN}`,
  tls: `Match alerts.email.tls to the server's port: "starttls" with 587, "tls" with 465 (your mail provider's SMTP page says which); ${THEN}`,
  url: `The webhook's address is refused (deleted, or mistyped): make a new incoming webhook in Slack or a Workflows webhook in Teams and put its address in alerts.webhook_url (or SHIPDESK_ALERTS_WEBHOOK_URL); ${THEN}`,
  format: `The webhook did not take the message's shape: set alerts.webhook_format to what it is ("slack", "teams" or "json"); ${THEN}`,
  rejected: `Read what the server answered (above): often a sender the server does not allow, or a message it filters; change the [alerts] setting it names, ${THEN}`,
  server: `Nothing to change if it passes (the receiving server had a fault or asked to wait); if it lasts, check the service's status page, ${THEN}`,
  unreachable: `Check that this PC reaches the server: its address and port in [alerts], the firewall, a proxy; ${THEN}`,
};

export function alertFix(code: string | null): string {
  return FIX[code as AlertFailureCode] ?? FIX.unreachable;
}
