import { terminalSafe } from "../core/text";
import { FLAG_NAMES, UsageError } from "./args";
import { InputError, processIo, type Io } from "./output";
import { ANNUAL_REPORT_USAGE, COST_SHIFT_USAGE, DIFF_USAGE, FOLLOW_UP_USAGE, NEW_WORKBOOK_USAGE, PUBLISH_USAGE, VALIDATE_USAGE, WHO_PAYS_USAGE } from "./usage";

const COMMAND_SV: ReadonlyArray<readonly [sv: string, en: string, what: string]> = [
  ["vem-betalar", "who-pays", "vem betalar ett hjälpmedel (en fråga eller en fil med frågor)"],
  ["granska", "validate", "granska bilagorna i en arbetsbok före publicering"],
  ["ny-arbetsbok", "new-workbook", "skapa en arbetsbok med exempelutgåvan"],
  ["publicera", "publish", "publicera en granskad arbetsbok som utgåva"],
  ["jämför", "diff", "vad som ändrats mellan två utgåvor eller arbetsböcker"],
  ["kostnadsförskjutning", "cost-shift", "kostnadsförskjutningen mot föregående utgåva"],
  ["uppföljning", "follow-up", "fördela kostnadsrader per part och kvartal"],
  ["årsrapport", "annual-report", "årets utgåvor, ändringar, uppföljning och ärenden till styrgruppen"],
  ["demo", "demo", "exemplet: skapa, granska och fråga"],
];

const HELP = `kostnadsansvar – bilagorna till överenskommelsen om kostnadsansvar för hjälpmedel i Stockholms län

Kommandon (det engelska namnet inom parentes fungerar också):
${COMMAND_SV.map(([sv, en, what]) => `  ${sv}${sv === en ? "" : ` (${en})`} – ${what}`).join("\n")}

${WHO_PAYS_USAGE}
${VALIDATE_USAGE}
${NEW_WORKBOOK_USAGE}
${PUBLISH_USAGE}
${DIFF_USAGE}
${COST_SHIFT_USAGE}
${FOLLOW_UP_USAGE}
${ANNUAL_REPORT_USAGE}
Användning: kostnadsansvar demo [fil.xlsx]

Flaggorna har svenska namn; de engelska fungerar också: ${Object.entries(FLAG_NAMES)
  .filter(([, n]) => n.aliases.length > 0)
  .map(([, n]) => `--${n.sv} (--${n.aliases.at(-1)})`)
  .join(", ")}.
Boendeformer: SÄBO, LSS bostad, daglig verksamhet (LSS), dagverksamhet (SoL), socialpsykiatri (SoL); nycklarna SABO, LSS_BOSTAD, LSS_DV, SOL_DAGV, SOL_SOCPSYK går också.
Slutkoder: 0 klart, 1 fel i bilagorna eller publiceringen stoppad, 2 filen eller argumenten går inte att använda.`;

type Command = (argv: readonly string[], io: Io) => Promise<number>;

/** Each command loads when it is run, so `--help` or one command never loads the others (or ExcelJS). */
const HANDLERS: Record<string, () => Promise<Command>> = {
  "who-pays": async () => (await import("./whoPaysCommand")).whoPaysCommand,
  validate: async () => (await import("./validateCommand")).validateCommand,
  "new-workbook": async () => (await import("./newWorkbookCommand")).newWorkbookCommand,
  publish: async () => (await import("./publishCommand")).publishCommand,
  diff: async () => (await import("./diffCommand")).diffCommand,
  "cost-shift": async () => (await import("./costShiftCommand")).costShiftCommand,
  "follow-up": async () => (await import("./followUpCommand")).followUpCommand,
  "annual-report": async () => (await import("./annualReportCommand")).annualReportCommand,
  demo: async () => (await import("./demoCommand")).demoCommand,
};

/** Every command by its Swedish and its English name (and the Swedish without å ä ö). */
const COMMANDS: Record<string, () => Promise<Command>> = {
  ...HANDLERS,
  ...Object.fromEntries(COMMAND_SV.filter(([, en]) => HANDLERS[en]).map(([sv, en]) => [sv, HANDLERS[en]!])),
  jamfor: HANDLERS.diff!,
  kostnadsforskjutning: HANDLERS["cost-shift"]!,
  uppfoljning: HANDLERS["follow-up"]!,
  arsrapport: HANDLERS["annual-report"]!,
};

/** Runs a command line; returns the exit code. Every failure is a Swedish message, never a stack trace. */
export async function run(argv: readonly string[], given: Io = processIo): Promise<number> {
  // Everything printed passes one filter: control characters from the data are shown, never obeyed.
  const io: Io = { ...given, out: (t) => given.out(terminalSafe(t)), err: (t) => given.err(terminalSafe(t)) };
  const [command, ...rest] = argv;
  if (command === undefined || ["help", "hjälp", "hjalp", "--help", "--hjälp", "--hjalp", "-h"].includes(command) || rest.some((w) => w === "--help" || w === "--hjälp" || w === "-h")) {
    io.out(HELP);
    return command === undefined ? 2 : 0;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) {
    io.err(`Okänt kommando ”${command}”.\n\n${HELP}`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError) {
      io.err(e.message);
      return 2;
    }
    // A file-system error that slipped past a reader: in Swedish, never the errno text.
    const errno = e as NodeJS.ErrnoException;
    if (typeof errno?.code === "string" && typeof errno.syscall === "string") {
      const { fsErrorSv } = await import("./io");
      io.err(`${errno.path ?? "Filen"} kan inte ${errno.syscall.startsWith("open") || errno.syscall === "read" || errno.syscall === "stat" ? "läsas" : "användas"}: ${fsErrorSv(e)}.`);
      return 2;
    }
    io.err(`Oväntat fel: ${(e as Error)?.message ?? String(e)}. Rapportera gärna felet med kommandot du körde.`);
    return 2;
  }
}

if (require.main === module) {
  // Output piped into `head` and the like: stop quietly when the reader has gone.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    });
  }
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 2;
    },
  );
}
