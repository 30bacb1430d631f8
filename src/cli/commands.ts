/*
 * The command table: every command's Swedish and English names, aliases, what it does, how it is
 * called and the flags it takes. `--help`, each command's usage message, the dispatch in main.ts
 * and each command's argument parsing are derived from it, so they cannot drift apart. Small and
 * free of the commands themselves: `--help` loads none of them.
 */
import { BOENDEFORM_HELP_SV } from "../core/boendeform";
import { FLAG_NAMES, parseArgs, type Args } from "./args";
import type { Io } from "./output";

export type Command = (argv: readonly string[], io: Io) => Promise<number>;

/** A flag as one command takes it: by key (FLAG_NAMES), with its value's placeholder if it takes one. */
export interface FlagUse {
  readonly key: string;
  /** The value as the usage shows it (`FIL.xlsx`); absent: the flag takes no value. */
  readonly value?: string;
  readonly required?: boolean;
  /** May be given more than once (shown with "…"). */
  readonly repeat?: boolean;
}

/** One way of calling a command: its positional words and its flags, in the order shown. */
export interface CallForm {
  readonly positional: string;
  readonly flags: readonly FlagUse[];
}

export interface CommandSpec {
  readonly sv: string;
  readonly en: string;
  /** Further names it answers to (the Swedish name without å ä ö). */
  readonly aliases: readonly string[];
  readonly what: string;
  readonly forms: readonly CallForm[];
  readonly load: () => Promise<Command>;
}

const json: FlagUse = { key: "json" };
const force: FlagUse = { key: "force" };
const answering: readonly FlagUse[] = [
  { key: "workbook", value: "FIL.xlsx" },
  { key: "edition", value: "UTGÅVA.json", repeat: true },
];

export const COMMAND_TABLE: readonly CommandSpec[] = [
  {
    sv: "vem-betalar",
    en: "who-pays",
    aliases: [],
    what: "vem betalar ett hjälpmedel (en fråga eller en fil med frågor)",
    forms: [
      { positional: "<iso> <boendeform> <ålder>", flags: [{ key: "specialanpassad" }, ...answering, { key: "date", value: "ÅÅÅÅ-MM-DD" }, json] },
      { positional: "", flags: [{ key: "csv", value: "FIL.csv", required: true }, ...answering, { key: "date", value: "ÅÅÅÅ-MM-DD" }, json] },
    ],
    load: async () => (await import("./whoPaysCommand")).whoPaysCommand,
  },
  {
    sv: "granska",
    en: "validate",
    aliases: [],
    what: "granska bilagorna i en arbetsbok före publicering",
    forms: [{ positional: "<arbetsbok.xlsx>", flags: [{ key: "previous", value: "<utgåva.json>" }, { key: "all" }, json] }],
    load: async () => (await import("./validateCommand")).validateCommand,
  },
  {
    sv: "ny-arbetsbok",
    en: "new-workbook",
    aliases: [],
    what: "skapa en arbetsbok med exempelutgåvan",
    forms: [{ positional: "<ut.xlsx>", flags: [force] }],
    load: async () => (await import("./newWorkbookCommand")).newWorkbookCommand,
  },
  {
    sv: "publicera",
    en: "publish",
    aliases: [],
    what: "publicera en granskad arbetsbok som utgåva",
    forms: [
      {
        positional: "<arbetsbok.xlsx>",
        flags: [
          { key: "edition", value: "<namn>", required: true },
          { key: "out", value: "<mapp>", required: true },
          { key: "previous", value: "<utgåva.json>" },
          { key: "beslutad", value: "ÅÅÅÅ-MM-DD" },
          { key: "giltig-fran", value: "ÅÅÅÅ-MM-DD" },
          force,
        ],
      },
    ],
    load: async () => (await import("./publishCommand")).publishCommand,
  },
  {
    sv: "jämför",
    en: "diff",
    aliases: ["jamfor"],
    what: "vad som ändrats mellan två utgåvor eller arbetsböcker",
    forms: [{ positional: "<gammal.json|.xlsx> <ny.json|.xlsx>", flags: [json] }],
    load: async () => (await import("./diffCommand")).diffCommand,
  },
  {
    sv: "kostnadsförskjutning",
    en: "cost-shift",
    aliases: ["kostnadsforskjutning"],
    what: "kostnadsförskjutningen mot föregående utgåva",
    forms: [{ positional: "<arbetsbok.xlsx>", flags: [{ key: "previous", value: "<utgåva.json>", required: true }, json] }],
    load: async () => (await import("./costShiftCommand")).costShiftCommand,
  },
  {
    sv: "uppföljning",
    en: "follow-up",
    aliases: ["uppfoljning"],
    what: "fördela kostnadsrader per part och kvartal",
    forms: [
      {
        positional: "<kostnader.csv|.xlsx|mapp> …",
        flags: [...answering, { key: "baseline", value: "ÅR" }, { key: "missing-age", value: "vuxen" }, { key: "out", value: "rapport.xlsx" }, force, json],
      },
    ],
    load: async () => (await import("./followUpCommand")).followUpCommand,
  },
  {
    sv: "årsrapport",
    en: "annual-report",
    aliases: ["arsrapport"],
    what: "årets utgåvor, ändringar, uppföljning och ärenden till styrgruppen",
    forms: [
      {
        positional: "",
        flags: [
          { key: "year", value: "ÅÅÅÅ", required: true },
          { key: "workbook", value: "ARBETSBOK.xlsx", required: true },
          { key: "edition", value: "UTGÅVA.json", repeat: true },
          { key: "follow-up", value: "FIL|MAPP", repeat: true },
          { key: "date", value: "ÅÅÅÅ-MM-DD" },
          { key: "out", value: "rapport.xlsx" },
          force,
          json,
        ],
      },
    ],
    load: async () => (await import("./annualReportCommand")).annualReportCommand,
  },
  {
    sv: "demo",
    en: "demo",
    aliases: [],
    what: "exemplet: skapa, granska och fråga",
    forms: [{ positional: "[fil.xlsx]", flags: [] }],
    load: async () => (await import("./demoCommand")).demoCommand,
  },
];

/** A command's entry by its English name (the key the commands use). */
export function commandSpec(en: string): CommandSpec {
  const spec = COMMAND_TABLE.find((c) => c.en === en);
  if (!spec) throw new Error(`no command ${en}`);
  return spec;
}

/** Every command by each of its names. */
export const COMMANDS_BY_NAME: ReadonlyMap<string, CommandSpec> = new Map(COMMAND_TABLE.flatMap((c) => [c.sv, c.en, ...c.aliases].map((n) => [n, c] as const)));

function flagText(f: FlagUse): string {
  const text = `--${FLAG_NAMES[f.key]?.sv ?? f.key}${f.value ? ` ${f.value}` : ""}${f.repeat ? " …" : ""}`;
  return f.required ? text : `[${text}]`;
}

/** How a command is called, one line per form, in Swedish: `Användning: kostnadsansvar granska …`. */
export function usageOf(spec: CommandSpec): string {
  const lines = spec.forms.map((form) => ["kostnadsansvar", spec.sv, form.positional, ...form.flags.map(flagText)].filter((w) => w !== "").join(" "));
  return lines.length === 1 ? `Användning: ${lines[0]}` : `Användning:\n${lines.map((l) => `  ${l}`).join("\n")}`;
}

/** A command's usage by its English name. */
export const usage = (en: string): string => usageOf(commandSpec(en));

/** The flags a command takes over all its forms, split as parseArgs wants them. */
export function flagsOf(spec: CommandSpec): { valueFlags: string[]; booleanFlags: string[] } {
  const all = spec.forms.flatMap((f) => f.flags);
  const unique = (xs: string[]) => [...new Set(xs)];
  return { valueFlags: unique(all.filter((f) => f.value).map((f) => f.key)), booleanFlags: unique(all.filter((f) => !f.value).map((f) => f.key)) };
}

/** A command's arguments, parsed with exactly the flags its table entry names. */
export function parseCommandArgs(en: string, argv: readonly string[]): Args {
  const { valueFlags, booleanFlags } = flagsOf(commandSpec(en));
  return parseArgs(argv, valueFlags, booleanFlags);
}

/** The whole help text. */
export function helpText(): string {
  return `kostnadsansvar – bilagorna till överenskommelsen om kostnadsansvar för hjälpmedel i Stockholms län

Kommandon (det engelska namnet inom parentes fungerar också):
${COMMAND_TABLE.map((c) => `  ${c.sv}${c.sv === c.en ? "" : ` (${c.en})`} – ${c.what}`).join("\n")}

${COMMAND_TABLE.map(usageOf).join("\n")}

Flaggorna har svenska namn; de engelska fungerar också: ${Object.entries(FLAG_NAMES)
    .filter(([, n]) => n.aliases.length > 0)
    .map(([, n]) => `--${n.sv} (--${n.aliases.at(-1)})`)
    .join(", ")}.
Boendeformer: ${BOENDEFORM_HELP_SV}
Slutkoder: 0 klart, 1 fel i bilagorna eller publiceringen stoppad, 2 filen eller argumenten går inte att använda.`;
}
