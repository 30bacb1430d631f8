import { BOENDEFORM_INFO } from "../core/boendeform";
import { costLines, costShift, neutralityVerdictSv, shiftKronorSv as kr, type ShiftChange } from "../core/costs/costShift";
import { linesSv } from "../core/costs/followUpLayout";
import { editionModel } from "../core/editions/edition";
import { flag, has, UsageError } from "./args";
import { parseCommandArgs, usage } from "./commands";
import { loadEdition } from "./editions";
import { InputError, loadModel, type Io } from "./io";

function changeLine(c: ShiftChange): string {
  const where = `${c.bilaga ? `Bilaga ${c.bilaga} ` : ""}${c.iso}`;
  return `${where} | ${BOENDEFORM_INFO[c.boendeform].shortSv} | ${c.from} → ${c.to} | ${c.amount >= 0 ? "+" : ""}${kr(c.amount)} (${c.lines.length} ${c.lines.length === 1 ? "kostnadsrad" : "kostnadsrader"})`;
}

const changeJson = (c: ShiftChange) => ({ bilaga: c.bilaga, iso: c.iso, boendeform: c.boendeform, from: c.from, to: c.to, amount: c.amount });

/** The cost shift of a draft against the previous edition; exit 1 when it is not neutral. */
export async function costShiftCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommandArgs("cost-shift", argv);
  const previousFile = flag(args, "previous");
  if (args.positional.length !== 1 || !previousFile) throw new UsageError(usage("cost-shift"));
  const previous = await loadEdition(previousFile);
  const { model } = await loadModel(args.positional[0]);
  const lines = costLines(model);
  if (lines.length === 0) {
    throw new InputError(`${args.positional[0]} har inga läsbara rader i bladet Kostnader (ISO-kod, Boendeform, Kommun, Region) – kostnadsförskjutningen räknas på föregående års faktiska kostnader (§6.3).`);
  }
  const shift = costShift(editionModel(previous), model, lines);
  if (has(args, "json")) {
    io.out(
      JSON.stringify(
        {
          changes: shift.changes.map(changeJson),
          netToKommun: shift.netToKommun,
          netToRegion: shift.netToRegion,
          tolerance: shift.tolerance,
          neutral: shift.neutral,
          totalCost: shift.totalCost,
          egenansvar: shift.egenansvar.map(changeJson),
          unattributed: shift.unattributed.map((u) => ({ row: u.line.row, iso: u.line.iso, boendeform: u.line.boendeform, before: u.before, after: u.after })),
        },
        null,
        2,
      ),
    );
  } else {
    const verdict = neutralityVerdictSv(shift);
    io.out(
      [
        `Kostnadsförskjutning från utgåva ${previous.name}, på föregående års kostnader (${linesSv(lines.length)}, totalt ${kr(shift.totalCost)}):`,
        ...shift.changes.map((c) => `  ${changeLine(c)}`),
        ...(shift.egenansvar.length > 0 ? ["Till eller från egenansvar (ingår inte i nettot mellan parterna):", ...shift.egenansvar.map((c) => `  ${changeLine(c)}`)] : []),
        ...(shift.unattributed.length > 0
          ? ["Kostnadsrader som inte kan fördelas (ingår inte):", ...shift.unattributed.map((u) => `  Kostnader rad ${u.line.row}: ${u.line.iso} ${BOENDEFORM_INFO[u.line.boendeform].shortSv}: ${u.before} → ${u.after}`)]
          : []),
        `Netto till kommunerna: ${kr(shift.netToKommun)}; till regionen: ${kr(shift.netToRegion)}.`,
        verdict,
      ].join("\n"),
    );
  }
  return shift.neutral === false ? 1 : 0;
}
