import { changeSummarySv, describeChangeSv } from "../core/editions/changeLog";
import { diffModels, rowLabel, type Change } from "../core/editions/diff";
import { valueOf } from "../core/values";
import { has, UsageError } from "./args";
import { parseCommandArgs, usage } from "./commands";
import { loadSide } from "./editions";
import type { Io } from "./io";

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
  const args = parseCommandArgs("diff", argv);
  if (args.positional.length !== 2) throw new UsageError(usage("diff"));
  const [before, after] = await Promise.all(args.positional.map(loadSide));
  const changes = diffModels(before!.model, after!.model);
  if (has(args, "json")) {
    io.out(JSON.stringify({ from: before!.name, to: after!.name, fromPublished: before!.edition !== null, toPublished: after!.edition !== null, changes: changes.map(changeJson) }, null, 2));
    return 0;
  }
  io.out(
    [
      `Från ${before!.label} till ${after!.label}:`,
      ...changes.map((c) => `  ${describeChangeSv(c)}`),
      `Sammanfattning: ${changeSummarySv(changes)}.`,
    ].join("\n"),
  );
  return 0;
}
