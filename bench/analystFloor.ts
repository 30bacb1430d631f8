/**
 * The follow-up as an analyst would write it by hand, the floor the bench sets `follow-up`
 * against in the same run (the issue measured DuckDB doing this in 2.8 s for 5 M lines): stream the
 * CSV, split each line on `;`, clean the Swedish amount to öre, join the (code, form, child/adult)
 * key with answers computed beforehand by our own whoPays (as DuckDB joined the keys answered by
 * `vem-betalar --frågefil`), and group by quarter × payer. No checks beyond what the sum needs: no
 * encodings, quoting, kommun names, dates or refusals. Prints the totals as JSON, so the bench can
 * hold them equal to the follow-up's to the öre.
 *
 * Run: node analystFloor.js <costs.csv> <answers.json>; answers.json is [[key, payer], …] with key
 * `code;form|age` (age: "", "child", "adult"). The bench's amounts always have two decimals, so the digits are the öre.
 */
import { createReadStream, readFileSync } from "node:fs";

async function main(file: string, answersFile: string): Promise<void> {
  const answers = new Map<string, string>(JSON.parse(readFileSync(answersFile, "utf8")) as Array<[string, string]>);
  const totals = new Map<string, number>();
  const decoder = new TextDecoder("utf-8");
  let rest = "";
  let header = true;
  // A careful hand-written pass: fields found with indexOf, the amount read digit by digit.
  const line = (text: string) => {
    if (header) {
      header = false;
      return;
    }
    const a = text.indexOf(";");
    const b = text.indexOf(";", a + 1);
    const c = text.indexOf(";", b + 1);
    const d = text.indexOf(";", c + 1);
    const e = text.indexOf(";", d + 1);
    const age = e === d + 1 ? "" : Number(text.slice(d + 1, e)) < 18 ? "child" : "adult";
    const payer = answers.get(`${text.slice(b + 1, d)}|${age}`) ?? "unassigned";
    let amount = 0;
    for (let i = e + 1; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch >= 48 && ch <= 57) amount = amount * 10 + (ch - 48);
    }
    const key = `${text.slice(a + 1, b)}|${payer}`;
    totals.set(key, (totals.get(key) ?? 0) + amount);
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const text = rest + decoder.decode(chunk, { stream: true });
    let from = 0;
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", from)) {
      line(text.slice(from, i));
      from = i + 1;
    }
    rest = text.slice(from);
  }
  if (rest !== "") line(rest);
  process.stdout.write(JSON.stringify(Object.fromEntries([...totals].sort(([a], [b]) => a.localeCompare(b)))) + "\n");
}

main(process.argv[2]!, process.argv[3]!).catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
