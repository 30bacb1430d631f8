/** Parsed command line: positional words, and flags (`--name value` or `--name`). */
export interface Args {
  readonly positional: string[];
  readonly flags: Map<string, string[]>;
}

export class UsageError extends Error {}

/**
 * Splits argv into positionals and flags. `booleanFlags` take no value; every other flag takes
 * the next word. Unknown flags are usage errors, so a typo never silently changes an answer.
 */
export function parseArgs(argv: readonly string[], valueFlags: readonly string[], booleanFlags: readonly string[]): Args {
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
    if (booleanFlags.includes(name)) {
      if (inline !== undefined) throw new UsageError(`Flaggan --${name} tar inget värde.`);
      flags.set(name, ["true"]);
    } else if (valueFlags.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`Flaggan --${name} behöver ett värde.`);
      flags.set(name, [...(flags.get(name) ?? []), value]);
    } else {
      throw new UsageError(`Okänd flagga --${name}.`);
    }
  }
  return { positional, flags };
}

export const flag = (args: Args, name: string): string | undefined => args.flags.get(name)?.at(-1);
export const has = (args: Args, name: string): boolean => args.flags.has(name);
