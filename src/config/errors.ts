/** The settings boundary's one error: names the key, says what is wrong and how to fix it. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  /** The setting's name as the clerk writes it, e.g. `canadapost.customer_number`. */
  readonly key: string | undefined;

  constructor(message: string, key?: string) {
    super(message);
    this.key = key;
  }
}
