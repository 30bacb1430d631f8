import { describeChangeSv } from "../core/editions/changeLog";
import { diffModels, rowLabel, type Change } from "../core/editions/diff";
import { valueOf } from "../core/values";
import { has, parseArgs, UsageError } from "./args";
import { loadSide } from "./editions";
import type { Io } from "./io";
import { DIFF_USAGE } from "./usage";

function changeJson(c: Change) {
  const ref = c.kind === "removed" ? c.before : c.after;
  return {
    kind: c.kind,
    bilaga: Number(ref.bilaga.slice(1)),
    sheet: ref.sheet,
    row: ref.row.row,
    iso: valueOf(ref.row.iso)?.code ?? null,
    title: rowLabel(ref.row),
    boendeform: c.kind === "payer" || c.kind === "villkor" ? c.boendeform ?? null : null,
    from: c.kind === "added" || c.kind === "removed" ? null : c.from,
    to: c.kind === "added" || c.kind === "removed" ? null : c.to,
  };
}

export async function diffCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, [], ["json"]);
  if (args.positional.length !== 2) throw new UsageError(DIFF_USAGE);
  const [before, after] = await Promise.all(args.positional.map(loadSide));
  const changes = diffModels(before!.model, after!.model);
  if (has(args, "json")) {
    io.out(JSON.stringify({ from: before!.name, to: after!.name, changes: changes.map(changeJson) }, null, 2));
    return 0;
  }
  const payer = changes.filter((c) => c.kind === "payer").length;
  const added = changes.filter((c) => c.kind === "added").length;
  const removed = changes.filter((c) => c.kind === "removed").length;
  io.out(
    [
      `Från ${before!.name} till ${after!.name}:`,
      ...changes.map((c) => `  ${describeChangeSv(c)}`),
      `Sammanfattning: ${payer} ${payer === 1 ? "ändrad betalare" : "ändrade betalare"}, ${added} ${added === 1 ? "ny rad" : "nya rader"}, ${removed} ${removed === 1 ? "borttagen" : "borttagna"}, ${changes.length - payer - added - removed} ${changes.length - payer - added - removed === 1 ? "ändrad text" : "ändrade texter"}.`,
    ].join("\n"),
  );
  return 0;
}
