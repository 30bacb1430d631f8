import { toCsvLine, detectDelimiter } from "../core/csv";
import { INPUT_ERROR_SV, RULE_SV } from "../core/editions/guideText";
import { COLUMN_HEADERS, duplicateColumnsSv, matchHeader } from "../core/columnHeaders";
import { whoPaysOnDate } from "../core/editions/inForce";
import { notADateSv, parseIsoDate } from "../core/values";
import type { WhoPaysQuery, WhoPaysResult } from "../core/whoPays";
import { flag, has, UsageError } from "./args";
import { parseCommandArgs, usage } from "./commands";
import { answeringLists } from "./editions";
import { csvRowsOf, InputError, readTextFile, type Io } from "./io";

/** A batch row that is not asked at all: more fields than the header has (columns may have shifted). */
interface RowWidthError {
  readonly ok: false;
  readonly code: "CSV_ROW_WIDTH";
  readonly message: string;
}

/** The JSON shape of one answer (issue contract). */
export function answerJson(result: WhoPaysResult | RowWidthError) {
  return result.ok
    ? { iso: result.iso, payer: result.payer, rule: result.rule, section: result.section, explanation: result.explanation, villkor: result.villkor, source: result.source, error: null }
    : { iso: null, payer: null, rule: null, section: null, explanation: null, villkor: null, source: null, error: { code: result.code, message: result.message } };
}

export async function whoPaysCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommandArgs("who-pays", argv);
  const workbook = flag(args, "workbook");
  const csvFile = flag(args, "csv");
  const json = has(args, "json");
  if (csvFile === undefined && args.positional.length !== 3) throw new UsageError(usage("who-pays"));
  if (csvFile !== undefined && args.positional.length > 0) throw new UsageError(usage("who-pays"));
  if (csvFile !== undefined && has(args, "specialanpassad")) {
    throw new UsageError("--specialanpassad gäller en enskild fråga; i en CSV-fil anges det per rad i kolumnen specialanpassad.");
  }

  const lists = await answeringLists(workbook, args.flags.get("edition") ?? []);
  const date = flag(args, "date");
  if (date !== undefined && !parseIsoDate(date)) throw new InputError(notADateSv("--datum", date));
  const ask = (q: Omit<WhoPaysQuery, "date">) => whoPaysOnDate(date === undefined ? q : { ...q, date }, lists);

  if (csvFile !== undefined) return batch(csvFile, ask, json, io);

  const [iso, boendeform, age] = args.positional as [string, string, string];
  const result = ask({ iso, boendeform, age, specialanpassad: has(args, "specialanpassad") });
  if (json) {
    io.out(JSON.stringify(answerJson(result), null, 2));
  } else if (result.ok) {
    io.out(
      [
        `Betalare:   ${result.payer ?? "ingen (se förklaringen)"}`,
        `Regel:      ${result.rule} (${result.section})`,
        `Förklaring: ${result.explanation}`,
        ...(result.source ? [`Källa:      ${result.source.sheet} rad ${result.source.row} (${result.source.iso})`] : []),
      ].join("\n"),
    );
  } else {
    io.err(`${result.code}: ${result.message}`);
  }
  return result.ok ? 0 : 2;
}

const COLUMNS = ["iso", "boendeform", "age", "specialanpassad"] as const;

/** The columns the answer CSV adds after the questions' own (docs: README, "Frågor i en CSV-fil"). */
export const ANSWER_CSV_COLUMNS = ["läst kod", "betalare", "regel", "regelkod", "paragraf", "förklaring", "villkor"] as const;

async function batch(file: string, ask: (q: Omit<WhoPaysQuery, "date">) => WhoPaysResult, json: boolean, io: Io): Promise<number> {
  // Read once: stdin, a pipe or `<(…)` cannot be read a second time.
  const text = await readTextFile(file);
  const delimiter = detectDelimiter(text);
  const rows = csvRowsOf(text, file, delimiter);
  const width = (rows[0] ?? []).length;
  // The same headers as a cost file's (core/columnHeaders.ts): iso or ISO-kod, ålder or age.
  const { at, duplicates } = matchHeader(rows[0] ?? [], COLUMNS);
  const twice = duplicates[0];
  if (twice) throw new InputError(duplicateColumnsSv(file, twice.field, twice.columns));
  const missing = COLUMNS.slice(0, 3).filter((c) => at[c] < 0);
  if (missing.length > 0) {
    const names = missing.map((m) => (m === "age" ? `${COLUMN_HEADERS.age.labelSv} (age)` : COLUMN_HEADERS[m].labelSv));
    const list = names.length === 1 ? `kolumnen ${names[0]}` : `kolumnerna ${names.slice(0, -1).join(", ")} och ${names[names.length - 1]}`;
    throw new InputError(`${file} saknar ${list} i rubrikraden. Första raden ska vara: iso,boendeform,ålder[,specialanpassad]`);
  }
  const answers: Array<{ cells: string[]; result: WhoPaysResult | RowWidthError }> = [];
  for (const [i, raw] of rows.slice(1).entries()) {
    if (raw.every((c) => c.trim() === "")) continue;
    // Ragged rows: a short row is padded, so the answer columns stay under their headers; a row
    // with more filled fields than the header has may have shifted columns and gets no answer.
    const overflow = raw.slice(width).filter((c) => c.trim() !== "").length;
    const cells = [...raw.slice(0, width), ...new Array<string>(Math.max(0, width - raw.length)).fill("")];
    if (overflow > 0) {
      answers.push({ cells, result: { ok: false, code: "CSV_ROW_WIDTH", message: `Rad ${i + 2} har ${raw.length} fält men rubrikraden ${width}; kolumnerna kan ha förskjutits (ett kommatecken för mycket?). Raden besvaras inte.` } });
      continue;
    }
    const special = at.specialanpassad >= 0 ? cells[at.specialanpassad] ?? "" : "";
    const result = ask({ iso: cells[at.iso] ?? "", boendeform: cells[at.boendeform] ?? "", age: cells[at.age] ?? "", specialanpassad: special });
    answers.push({ cells, result });
  }
  if (json) {
    io.out(JSON.stringify(answers.map((a) => answerJson(a.result)), null, 2));
    return 0;
  }
  // Swedish headers and a byte order mark, so Swedish Excel opens it with å, ä and ö intact. The
  // code as read ("12 22 03", spaces kept: text in any spreadsheet), the rule in words beside its
  // code, and the short reason (the Villkor in its own column; the full explanation is in --json).
  const lines = [toCsvLine([...(rows[0] ?? []), ...ANSWER_CSV_COLUMNS], delimiter)];
  for (const { cells, result } of answers) {
    const tail = result.ok
      ? [result.iso, result.payer ?? "", RULE_SV[result.rule], result.rule, result.section, result.reason, result.villkor ?? ""]
      : ["", "", INPUT_ERROR_SV[result.code], result.code, "", result.message, ""];
    lines.push(toCsvLine([...cells, ...tail], delimiter));
  }
  io.out(`\uFEFF${lines.join("\n")}`);
  return 0;
}
