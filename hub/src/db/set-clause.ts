/**
 * The SET list of an UPDATE that changes only the columns it was given: a column whose value is
 * undefined (a field the PATCH was not sent) is left out, so it keeps what is stored.
 */
export interface SetColumn {
  value: unknown;
  /** A cast after the parameter, e.g. `::date[]`. */
  cast?: string;
}

/**
 * `cols` maps column names (written by the repository, never from input) to values; parameters are
 * numbered from `first`. Returns an empty `sql` when nothing is to change.
 */
export function setClause(
  cols: Record<string, SetColumn | undefined>,
  first: number,
): { sql: string; values: unknown[] } {
  const parts: string[] = [];
  const values: unknown[] = [];
  for (const [col, c] of Object.entries(cols)) {
    if (!c || c.value === undefined) continue;
    values.push(c.value);
    parts.push(`${col} = $${first + values.length - 1}${c.cast ?? ''}`);
  }
  return { sql: parts.join(', '), values };
}

/** A column whose value is sent as JSON text (jsonb), or left out when undefined. */
export const jsonCol = (v: unknown): SetColumn => ({ value: v === undefined ? undefined : JSON.stringify(v) });
export const col = (v: unknown, cast?: string): SetColumn => ({ value: v, cast });
