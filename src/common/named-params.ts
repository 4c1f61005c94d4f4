/** A value a statement's `$n` may take (JSON goes as text, cast in SQL). */
export type SqlValue = string | number | boolean | Date | null | readonly string[] | readonly number[];

/** The row a statement takes: exactly its parameters' names, each with a value. */
export type ParamsRow<N extends readonly string[]> = { readonly [K in N[number]]: SqlValue };

const DECLARED = /^--\s*params:(.*)$/gm;

/** The names a SQL file gives its parameters, in `$n` order: its `-- params: a, b, …` lines. */
export function declaredParams(sql: string): string[] {
  return [...sql.matchAll(DECLARED)].flatMap((m) => m[1]!.split(",").map((n) => n.trim()).filter(Boolean));
}

/**
 * A statement with many parameters takes them by name: `names` repeats, in `$n` order, the names
 * its SQL file declares in `-- params:` lines (checked here, when the module loads, so the list
 * and the statement cannot drift apart), and the row handed to the function returned holds
 * exactly those names. Two values swapped by position would go unseen; by name they cannot be
 * swapped without writing the wrong name beside the value, and a name missing or misspelt is a
 * type error.
 */
export function namedParams<const N extends readonly string[]>(sql: string, names: N): (row: ParamsRow<N>) => SqlValue[] {
  const declared = declaredParams(sql);
  if (declared.join(",") !== names.join(",")) {
    throw new Error(`the statement declares params ${declared.join(", ") || "(none)"} but its caller binds ${names.join(", ")}`);
  }
  return (row) => names.map((name) => row[name as N[number]]);
}
