import rollback from "../../../sql/db/rollback.sql" with { type: "text" };
import { rewriteMessage } from "./rewrite.ts";
import { concat, lastReadyStatus, message, type Message } from "./wire.ts";

/**
 * PGlite is one backend: the host's clients take turns on it. A turn is a whole unit of work: a
 * transaction from BEGIN to its end, or one query (up to its Sync) outside one. The rest queue,
 * first come first served. The backend's ReadyForQuery says when a turn ends ('I': idle).
 */
export interface Backend {
  /** Runs whole protocol messages and returns the backend's reply. */
  run(bytes: Uint8Array): Promise<Uint8Array>;
  /** Forgets a client that is gone: its session locks and prepared statements. */
  forget(client: number): Promise<void>;
}

export interface TurnClient {
  readonly id: number;
  /** Units of work waiting to run, each ending in Sync, Query or Flush. */
  pending: Uint8Array[][];
  /** The messages of the unit not yet ended. */
  partial: Uint8Array[];
  /** 'I', 'T' or 'E', as the backend last said for this client; or 'X' mid-query (after a Flush). */
  status: string;
  gone: boolean;
  send(reply: Uint8Array): void;
}

const ENDS_A_UNIT = new Set(["S", "Q", "H"]);
const SYNC = message("S");
const ROLLBACK = message("Q", rollback);

export class Turns {
  private owner: TurnClient | undefined;
  private readonly queue: TurnClient[] = [];
  private running = false;
  private readonly cleanups: TurnClient[] = [];

  /** `fatal`: the backend itself failed; the host cannot go on. */
  constructor(
    private readonly backend: Backend,
    private readonly fatal: (error: unknown) => void,
  ) {}

  /** A message from a client (after start-up): queued, and run when the client's turn comes. */
  receive(client: TurnClient, m: Message): void {
    client.partial.push(rewriteMessage(m, client.id));
    if (!ENDS_A_UNIT.has(m.type)) return;
    client.pending.push(client.partial);
    client.partial = [];
    if (client !== this.owner && !this.queue.includes(client)) this.queue.push(client);
    void this.pump();
  }

  /** The client disconnected (or was killed): whatever it left open is rolled back in its turn. */
  leave(client: TurnClient): void {
    client.gone = true;
    client.pending = [];
    const queued = this.queue.indexOf(client);
    if (queued >= 0) this.queue.splice(queued, 1);
    this.cleanups.push(client);
    void this.pump();
  }

  private next(): TurnClient | undefined {
    if (this.owner && (this.owner.pending.length > 0 || this.owner.gone)) return this.owner;
    if (this.owner) return undefined; // it holds the backend between the statements of its transaction
    return this.cleanups[0] ?? this.queue.shift();
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let client = this.next(); client; client = this.next()) {
        this.owner = client;
        if (client.gone) await this.cleanUp(client);
        else await this.runUnit(client);
        // A client that left during its unit is cleaned up before anyone else runs.
        if (client.gone ? !this.cleanups.includes(client) : client.status === "I") {
          this.owner = undefined;
          if (!client.gone && client.pending.length > 0) this.queue.push(client);
        }
      }
    } catch (error) {
      this.fatal(error);
    } finally {
      this.running = false;
    }
  }

  private async runUnit(client: TurnClient): Promise<void> {
    const unit = client.pending.shift()!;
    const reply = await this.backend.run(concat(unit));
    client.status = lastReadyStatus(reply) ?? "X";
    if (!client.gone) client.send(reply);
  }

  private async cleanUp(client: TurnClient): Promise<void> {
    const index = this.cleanups.indexOf(client);
    if (index >= 0) this.cleanups.splice(index, 1);
    if (client.status === "X") client.status = lastReadyStatus(await this.backend.run(SYNC)) ?? "I";
    if (client.status !== "I") await this.backend.run(ROLLBACK);
    client.status = "I";
    await this.backend.forget(client.id);
  }
}
