/** Pure logic of the searchable select: which options match what was typed, and moving through them. */

export interface SearchOption {
  value: string;
  label: string;
  /** Shown after the label, smaller (a role, a kind, an email); also searched. */
  detail?: string;
  disabled?: boolean;
}

/** The options whose label or detail contains every word typed, case- and width-insensitively. */
export function matchOptions<O extends SearchOption>(options: readonly O[], query: string): O[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...options];
  return options.filter((o) => {
    const text = fold(`${o.label} ${o.detail ?? ''}`);
    return words.every((w) => text.includes(w));
  });
}

/** Lower case, and full-width Latin letters and digits (ＡＢＣ１２３) as ASCII. */
function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

/**
 * The option to highlight after pressing ↓ (`step` 1) or ↑ (-1) from `current` (-1: none), skipping
 * disabled ones and stopping at either end; -1 when nothing can be chosen.
 */
export function stepActive(options: readonly SearchOption[], current: number, step: 1 | -1): number {
  for (let i = current + step; i >= 0 && i < options.length; i += step) if (!options[i]!.disabled) return i;
  if (current >= 0 && current < options.length && !options[current]!.disabled) return current;
  return step === 1 ? -1 : stepActive(options, -1, 1);
}
