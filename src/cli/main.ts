import { UsageError } from "./args";
import { InputError, processIo, type Io } from "./output";
import { COST_SHIFT_USAGE, DIFF_USAGE, FOLLOW_UP_USAGE, NEW_WORKBOOK_USAGE, PUBLISH_USAGE, VALIDATE_USAGE, WHO_PAYS_USAGE } from "./usage";

const HELP = `kostnadsansvar – bilagorna till överenskommelsen om kostnadsansvar för hjälpmedel i Stockholms län

${WHO_PAYS_USAGE}
${VALIDATE_USAGE}
${NEW_WORKBOOK_USAGE}
${PUBLISH_USAGE}
${DIFF_USAGE}
${COST_SHIFT_USAGE}
${FOLLOW_UP_USAGE}
Användning: kostnadsansvar demo [fil.xlsx]

Boendeformer: SABO (SÄBO), SOL_DAGV (dagverksamhet), LSS_BOSTAD (LSS bostad), LSS_DV (daglig verksamhet), SOL_SOCPSYK (socialpsykiatri).`;

type Command = (argv: readonly string[], io: Io) => Promise<number>;

/** Each command loads when it is run, so `--help` or one command never loads the others (or ExcelJS). */
const COMMANDS: Record<string, () => Promise<Command>> = {
  "who-pays": async () => (await import("./whoPaysCommand")).whoPaysCommand,
  validate: async () => (await import("./validateCommand")).validateCommand,
  "new-workbook": async () => (await import("./newWorkbookCommand")).newWorkbookCommand,
  publish: async () => (await import("./publishCommand")).publishCommand,
  diff: async () => (await import("./diffCommand")).diffCommand,
  "cost-shift": async () => (await import("./costShiftCommand")).costShiftCommand,
  "follow-up": async () => (await import("./followUpCommand")).followUpCommand,
  demo: async () => (await import("./demoCommand")).demoCommand,
};

/** Runs a command line; returns the exit code. Every failure is a Swedish message, never a stack trace. */
export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
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
