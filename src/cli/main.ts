import { terminalSafe } from "../core/text";
import { UsageError } from "./args";
import { COMMANDS_BY_NAME, helpText } from "./commands";
import { InputError, processIo, type Io } from "./output";

/** Runs a command line; returns the exit code. Every failure is a Swedish message, never a stack trace. */
export async function run(argv: readonly string[], given: Io = processIo): Promise<number> {
  // Everything printed passes one filter: control characters from the data are shown, never obeyed.
  const io: Io = { ...given, out: (t) => given.out(terminalSafe(t)), err: (t) => given.err(terminalSafe(t)) };
  const [command, ...rest] = argv;
  if (command === undefined || ["help", "hjälp", "hjalp", "--help", "--hjälp", "--hjalp", "-h"].includes(command) || rest.some((w) => w === "--help" || w === "--hjälp" || w === "-h")) {
    io.out(helpText());
    return command === undefined ? 2 : 0;
  }
  // Each command loads when it is run, so `--help` or one command never loads the others (or ExcelJS).
  const spec = COMMANDS_BY_NAME.get(command.normalize("NFC"));
  if (!spec) {
    io.err(`Okänt kommando ”${command}”.\n\n${helpText()}`);
    return 2;
  }
  try {
    return await (await spec.load())(rest, io);
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
