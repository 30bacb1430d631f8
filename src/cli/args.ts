/** Parsed command line: positional words, and flags (`--name value` or `--name`). */
export interface Args {
  readonly positional: string[];
  /** Values by the flag's key (its English name, as the commands ask for it). */
  readonly flags: Map<string, string[]>;
}

export class UsageError extends Error {}

/**
 * Every flag's Swedish name (shown in help and messages) and the other names it answers to, by
 * the key the commands use. A user may type any of them; the English names stay as aliases.
 */
export const FLAG_NAMES: Readonly<Record<string, { readonly sv: string; readonly aliases: readonly string[] }>> = {
  workbook: { sv: "arbetsbok", aliases: ["workbook"] },
  csv: { sv: "frågefil", aliases: ["fragefil", "csv"] },
  edition: { sv: "utgåva", aliases: ["utgava", "edition"] },
  date: { sv: "datum", aliases: ["date"] },
  json: { sv: "json", aliases: [] },
  specialanpassad: { sv: "specialanpassad", aliases: ["custom-made"] },
  previous: { sv: "tidigare", aliases: ["föregående", "foregaende", "previous"] },
  out: { sv: "ut", aliases: ["out"] },
  force: { sv: "tvinga", aliases: ["force"] },
  baseline: { sv: "baslinje", aliases: ["baseline"] },
  beslutad: { sv: "beslutad", aliases: ["decided"] },
  "giltig-fran": { sv: "giltig-från", aliases: ["giltig-fran", "effective"] },
  all: { sv: "alla", aliases: ["all"] },
  "missing-age": { sv: "ålder-saknas", aliases: ["alder-saknas", "missing-age"] },
  year: { sv: "år", aliases: ["ar", "year"] },
  "follow-up": { sv: "uppföljning", aliases: ["uppfoljning", "follow-up"] },
};

/** The Swedish name of a flag key, as users see it (`--arbetsbok`). */
export const svFlag = (key: string): string => `--${FLAG_NAMES[key]?.sv ?? key}`;

/** Levenshtein distance, for suggesting the flag a user meant. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

function namesOf(key: string): readonly string[] {
  const entry = FLAG_NAMES[key];
  return entry ? [entry.sv, ...entry.aliases] : [key];
}

/** The nearest known flag to a typo, as `--arbetsbok (--workbook)`, or null when none is close. */
function suggestion(typed: string, keys: readonly string[]): string | null {
  let best: { key: string; distance: number } | null = null;
  for (const key of keys) {
    for (const name of namesOf(key)) {
      const distance = editDistance(typed.toLowerCase(), name);
      if (!best || distance < best.distance) best = { key, distance };
    }
  }
  if (!best || best.distance > Math.max(2, Math.floor(typed.length / 3))) return null;
  const english = FLAG_NAMES[best.key]?.aliases.filter((a) => /^[a-z-]+$/.test(a) && a !== FLAG_NAMES[best!.key]?.sv).at(-1);
  return english ? `${svFlag(best.key)} (engelska --${english})` : svFlag(best.key);
}

/**
 * Splits argv into positionals and flags. `booleanFlags` take no value; every other flag takes
 * the next word. Flags are given by key; each answers to its Swedish name and its aliases.
 * Unknown flags are usage errors with the nearest known flag, so a typo never silently changes
 * an answer.
 */
export function parseArgs(argv: readonly string[], valueFlags: readonly string[], booleanFlags: readonly string[]): Args {
  const byName = new Map<string, string>();
  for (const key of [...valueFlags, ...booleanFlags]) for (const name of namesOf(key)) byName.set(name, key);
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!word.startsWith("--") || word.length === 2) {
      positional.push(word);
      continue;
    }
    const [name, inline] = word.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const key = byName.get(name.normalize("NFC").toLowerCase());
    if (key !== undefined && booleanFlags.includes(key)) {
      if (inline !== undefined) throw new UsageError(`Flaggan --${name} tar inget värde.`);
      flags.set(key, ["true"]);
    } else if (key !== undefined) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`Flaggan --${name} behöver ett värde.`);
      flags.set(key, [...(flags.get(key) ?? []), value]);
    } else {
      const near = suggestion(name, [...valueFlags, ...booleanFlags]);
      const elsewhere = near ? null : suggestion(name, Object.keys(FLAG_NAMES));
      const hint = near ? ` Menade du ${near}?` : elsewhere ? ` Menade du ${elsewhere}? Den flaggan gäller inte det här kommandot.` : "";
      throw new UsageError(`Okänd flagga --${name}.${hint}`);
    }
  }
  return { positional, flags };
}

export const flag = (args: Args, name: string): string | undefined => args.flags.get(name)?.at(-1);
export const has = (args: Args, name: string): boolean => args.flags.has(name);
