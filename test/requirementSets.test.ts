import { readFileSync } from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "..");

/** The requirement sets the manifest declares: name -> minimum version. */
function declaredSets(): Map<string, string> {
  const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const requirements = xml.slice(xml.indexOf("<Requirements>"), xml.indexOf("</Requirements>"));
  return new Map([...requirements.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\/>/g)].map((m) => [m[1]!, m[2]!]));
}

const versionAtMost = (used: string, declared: string) => {
  const [a, b] = [used.split(".").map(Number), declared.split(".").map(Number)];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return true;
};

/**
 * Sets that the typings name on a declaration the add-in uses, but that do not apply to Excel:
 * `Office.AddinCommands.Event.completed` carries Outlook's "Mailbox 1.3"; in Excel a ribbon
 * command's event needs no set beyond the add-in commands the manifest's VersionOverrides declare.
 */
const NOT_FOR_EXCEL = new Set(["Mailbox"]);

/**
 * Every identifier in src/ whose declaration lies in the Office typings, with the `[Api set: …]`
 * its documentation names: set name -> version -> where used.
 */
function usedSets(): Map<string, Map<string, string[]>> {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error("tsconfig.json could not be read");
  const src = path.join(ROOT, "src") + path.sep;
  const program = ts.createProgram(config.fileNames.filter((f) => path.resolve(f).startsWith(src)), config.options);
  const checker = program.getTypeChecker();
  const used = new Map<string, Map<string, string[]>>();
  for (const file of program.getSourceFiles()) {
    if (!path.resolve(file.fileName).startsWith(src)) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) {
        let symbol = checker.getSymbolAtLocation(node);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        for (const declaration of symbol?.declarations ?? []) {
          if (!/@types[\\/](office-js|custom-functions-runtime|office-runtime)[\\/]/.test(declaration.getSourceFile().fileName)) continue;
          const docs = ts.getJSDocCommentsAndTags(declaration).map((d) => d.getText()).join("\n");
          for (const m of docs.matchAll(/\[Api set: ([A-Za-z]+) ([0-9.]+)\]/g)) {
            const versions = used.get(m[1]!) ?? new Map<string, string[]>();
            used.set(m[1]!, versions);
            const where = versions.get(m[2]!) ?? [];
            versions.set(m[2]!, where);
            where.push(`${path.relative(ROOT, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${symbol!.name}`);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return used;
}

describe("requirement sets: every Office API the add-in calls is within what manifest.xml declares", () => {
  const declared = declaredSets();
  const used = usedSets();

  it("declares the sets the add-in's features rest on", () => {
    // Shared runtime (functions and pane in one page), Range.getCellProperties (flags, 1.9) and
    // CustomFunctions.ErrorCode.invalidValue/notAvailable (1.3): Microsoft 365 or Office 2021 and later.
    expect(Object.fromEntries(declared)).toEqual({ SharedRuntime: "1.1", ExcelApi: "1.9", CustomFunctionsRuntime: "1.3" });
  });

  it("finds the Excel APIs in the code (the walk itself works)", () => {
    expect([...(used.get("ExcelApi")?.keys() ?? [])]).toEqual(expect.arrayContaining(["1.1", "1.9"]));
    expect(used.get("CustomFunctionsRuntime")?.size ?? 0).toBeGreaterThan(0);
  });

  it("uses no API of a set or version above the declared minimum", () => {
    const above: string[] = [];
    for (const [set, versions] of used) {
      if (NOT_FOR_EXCEL.has(set)) continue;
      for (const [version, where] of versions) {
        const min = declared.get(set);
        if (!min || !versionAtMost(version, min)) above.push(`${set} ${version} (declared ${min ?? "none"}): ${where.slice(0, 3).join(", ")}`);
      }
    }
    expect(above).toEqual([]);
  });
});
