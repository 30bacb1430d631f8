import { promises as fs } from "node:fs";
import * as path from "node:path";
import { summarize, summarySv } from "../core/validation/finding";
import { validateWorkbook } from "../core/validation/validateWorkbook";
import { buildWhoPaysIndex, whoPays } from "../core/whoPays";
import { parseCommandArgs } from "./commands";
import { loadModel, type Io } from "./io";
import { writeExampleWorkbook } from "./newWorkbookCommand";
import { textReport } from "./report";

export const DEMO_FILE = path.join("exempel", "bilagor-exempel.xlsx");

const QUERIES = [
  ["12 22 03", "SÄBO", 80, "manuell rullstol i särskilt boende"],
  ["22 06 15", "SÄBO", 85, "hörapparat: regionens ansvarsområde"],
  ["12 22", "SÄBO", 16, "under 18 år"],
  ["12 36 03", "socialpsykiatri", 50, "lyft i socialpsykiatriskt boende"],
  ["12 22 03", "LSS bostad", 45, "en cell exemplet lämnar tom"],
  ["12 22 03", "hemtjänst", 70, "ordinärt boende"],
] as const;

/** The README's main job, told as a short story: what the example is, what the review found, a few answers. */
export async function demoCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommandArgs("demo", argv);
  const file = args.positional[0] ?? DEMO_FILE;
  const exists = await fs.stat(file).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await writeExampleWorkbook(file, false);
  }
  io.out(
    [
      "== Exemplet ==",
      `${exists ? "Använder" : "Skapade"} ${file}: bilaga 1–4 med principer, ISO-lista och utgåvefält, byggda ur publicerade källor`,
      "(Region Stockholms sidor om hjälpmedel i särskilt boende, Vårdgivarguiden; se docs/exempel-kallor.md).",
      "Det är ingen officiell bilaga och inget beslut – det visar formatet.",
    ].join("\n"),
  );
  const { model } = await loadModel(file);
  const findings = validateWorkbook(model);
  const summary = summarize(findings);
  io.out(`\n== Granskningen ==\n${summarySv(summary)}`);
  const codes = [...new Set(findings.map((f) => f.code))];
  if (codes.length === 1 && codes[0] === "PAYER_MISSING") {
    const rows = new Set(findings.map((f) => `${f.sheet}\u0000${f.row}`)).size;
    io.out(
      `Alla fel är PAYER_MISSING: ${findings.length} betalarceller på ${rows} rader, mest LSS och dagverksamhet, som ingen publicerad källa fyller. De lämnas tomma med avsikt i stället för att gissas.`,
    );
  } else if (findings.length > 0) {
    io.out(textReport(path.basename(file), findings));
  }
  io.out(`Hela listan: npx kostnadsansvar granska ${file} --alla`);
  io.out("\n== Vem betalar? Några frågor ==");
  const index = buildWhoPaysIndex(model);
  for (const [iso, form, age, what] of QUERIES) {
    const r = whoPays({ iso, boendeform: form, age }, index);
    const answer = r.ok ? `${r.payer === null ? "ingen betalare" : r.payer === "Egenansvar" ? "egenansvar" : r.payer === "Kommun" ? "kommunen betalar" : "Region Stockholm betalar"} [${r.rule} ${r.section}]` : `${r.code}: ${r.message}`;
    io.out(`${iso}, ${form}, ${age} år (${what}) → ${answer}`);
    if (r.ok) io.out(`    ${r.explanation}`);
  }
  io.out("\nFråga själv: npx kostnadsansvar vem-betalar \"12 22 03\" SÄBO 80 --arbetsbok " + file);
  return 0;
}
