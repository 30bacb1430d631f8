/* What every command prints through; small, so `--help` loads nothing else. */

/** A failure the user can fix: printed in Swedish, exit code 2, never a stack trace. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** Output sink, so tests can capture what a command prints. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /**
   * Resolves once what `out` was given has left the process's buffer (or the output is gone), so
   * that a long output waits for its reader instead of piling up in memory (a pipe is not flushed
   * as it is written to). Absent: the sink keeps everything anyway (a test's array).
   */
  drained?(): Promise<void>;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : text + "\n"),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : text + "\n"),
  drained: () =>
    new Promise((resolve) => {
      const stdout = process.stdout;
      if (!stdout.writableNeedDrain || stdout.destroyed) return resolve();
      const done = () => {
        stdout.off("drain", done).off("close", done).off("error", done);
        resolve();
      };
      stdout.once("drain", done).once("close", done).once("error", done);
    }),
};
