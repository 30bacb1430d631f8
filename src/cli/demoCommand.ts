import { promises as fs } from "node:fs";
import * as path from "node:path";
import { summarize } from "../core/validation/finding";
import { validateWorkbook } from "../core/validation/validateWorkbook";
import { buildWhoPaysIndex, whoPays } from "../core/whoPays";
import { parseArgs } from "./args";
import { loadModel, type Io } from "./io";
import { writeExampleWorkbook } from "./newWorkbookCommand";
import { textReport } from "./report";

export const DEMO_FILE = path.join("exempel", "bilagor-exempel.xlsx");

const QUERIES = [
  ["12 22 03", "SÄBO", 80],
  ["12 22 03", "LSS bostad", 45],
  ["22 06 15", "SÄBO", 85],
  ["12 22", "SÄBO", 16],
  ["12 36 03", "socialpsykiatri", 50],
  ["04 27 18", "särskilt boende", 90],
  ["12 22 03", "ordinärt boende", 70],
] as const;

/** The README's main job: make the example workbook if missing, validate it, answer a few questions. */
export async function demoCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, [], []);
  const file = args.positional[0] ?? DEMO_FILE;
  const exists = await fs.stat(file).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await writeExampleWorkbook(file, false);
    io.out(`Skapade ${file} från den inbyggda exempelutgåvan.`);
  } else {
    io.out(`Använder befintliga ${file}.`);
  }
  const { model } = await loadModel(file);
  const findings = validateWorkbook(model);
  io.out(`\n== Validering av ${file} ==`);
  io.out(textReport(path.basename(file), findings));
  const missing = findings.filter((f) => f.code === "PAYER_MISSING").length;
  const summary = summarize(findings);
  if (missing > 0 && missing === summary.errors) {
    io.out(
      `Obs: exempelutgåvans ${missing} fel är alla PAYER_MISSING – betalarceller som inga publicerade källor fyller (mest LSS och dagverksamhet). De lämnas tomma med avsikt i stället för att gissas.`,
    );
  }
  io.out("\n== Vem betalar? (WHO_PAYS) ==");
  const index = buildWhoPaysIndex(model);
  for (const [iso, form, age] of QUERIES) {
    const r = whoPays({ iso, boendeform: form, age }, index);
    io.out(
      r.ok
        ? `${iso} | ${form} | ${age} år → ${r.payer ?? "ingen betalare"} [${r.rule} ${r.section}]\n    ${r.explanation}`
        : `${iso} | ${form} | ${age} år → ${r.code}: ${r.message}`,
    );
  }
  return 0;
}
