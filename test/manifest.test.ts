import { readFileSync } from "node:fs";
import * as path from "node:path";
import { DOMParser } from "@xmldom/xmldom";

const xml = readFileSync(path.resolve(__dirname, "../manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "text/xml");
const all = (tag: string) => Array.from(doc.getElementsByTagName(tag));
const one = (tag: string) => {
  const found = all(tag);
  if (found.length !== 1) throw new Error(`expected one <${tag}>, found ${found.length}`);
  return found[0]!;
};

describe("manifest.xml (offline contract)", () => {
  it("is a task pane add-in for Excel with its own GUID, sv-SE and ReadWriteDocument", () => {
    expect(doc.documentElement!.getAttribute("xsi:type")).toBe("TaskPaneApp");
    expect(one("Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(one("Id").textContent).not.toBe("05c2e1c9-3e1d-406e-9a91-e9ac64854143"); // the template's GUID
    expect(one("DefaultLocale").textContent).toBe("sv-SE");
    expect(one("Permissions").textContent).toBe("ReadWriteDocument");
    expect(all("Host").some((h) => h.getAttribute("Name") === "Workbook")).toBe(true);
  });

  it("uses a shared runtime: one resid for Runtime, the functions Page and FunctionFile", () => {
    const set = all("Set").find((s) => s.getAttribute("Name") === "SharedRuntime");
    expect(set).toBeDefined();
    const runtime = one("Runtime");
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const resid = runtime.getAttribute("resid");
    const page = one("Page").getElementsByTagName("SourceLocation")[0]!;
    expect(page.getAttribute("resid")).toBe(resid);
    expect(one("FunctionFile").getAttribute("resid")).toBe(resid);
    for (const action of all("Action")) {
      expect(action.getElementsByTagName("TaskpaneId").length).toBe(0);
      if (action.getAttribute("xsi:type") === "ShowTaskpane") {
        expect(action.getElementsByTagName("SourceLocation")[0]?.getAttribute("resid")).toBe(resid);
      }
    }
  });

  it("has the ribbon buttons Granska bilagor and Skapa bilagor, each bound to a command the code associates", () => {
    const commands = readFileSync(path.resolve(__dirname, "../src/commands/commands.ts"), "utf8");
    const functionNames = all("FunctionName").map((f) => f.textContent);
    expect(functionNames).toEqual(["validateBilagor", "createBilagor"]);
    for (const name of functionNames) expect(commands).toContain(`associate("${name}"`);
    const labels = new Map(all("bt:String").map((s) => [s.getAttribute("id"), s.getAttribute("DefaultValue")]));
    const buttonLabels = all("Control").map((c) => labels.get(c.getElementsByTagName("Label")[0]!.getAttribute("resid")));
    expect(buttonLabels).toEqual(["Granska bilagor", "Skapa bilagor", "Vem betalar?"]);
  });

  it("resolves every resid", () => {
    const ids = new Set([...all("bt:Url"), ...all("bt:String"), ...all("bt:Image")].map((e) => e.getAttribute("id")));
    const used = Array.from(doc.getElementsByTagName("*"))
      .map((e) => e.getAttribute("resid"))
      .filter((r): r is string => Boolean(r));
    expect(used.length).toBeGreaterThan(5);
    for (const resid of used) expect(ids).toContain(resid);
  });

  it("has the namespace HJM and a sv-SE override for the Swedish function names", () => {
    expect(all("bt:String").find((s) => s.getAttribute("id") === "Functions.Namespace")?.getAttribute("DefaultValue")).toBe("HJM");
    const metadata = all("bt:Url").find((u) => u.getAttribute("id") === "Functions.Metadata.Url")!;
    expect(metadata.getAttribute("DefaultValue")).toMatch(/\/functions\.json$/);
    const override = metadata.getElementsByTagName("bt:Override")[0]!;
    expect(override.getAttribute("Locale")).toBe("sv-SE");
    expect(override.getAttribute("Value")).toMatch(/\/functions-sv\.json$/);
  });

  it("puts every URL on one https origin", () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(5);
    const origins = new Set(urls.map((u) => new URL(u).origin));
    expect([...origins]).toEqual(["https://localhost:3000"]);
  });

  it("keeps the element order the schema requires", () => {
    const top = Array.from(doc.documentElement!.childNodes)
      .filter((n) => n.nodeType === 1)
      .map((n) => n.nodeName);
    const order = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides"];
    const positions = top.map((name) => order.indexOf(name));
    expect(positions).not.toContain(-1);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const host = all("Host").find((h) => h.getAttribute("xsi:type") === "Workbook")!;
    const hostChildren = Array.from(host.childNodes).filter((n) => n.nodeType === 1).map((n) => n.nodeName);
    expect(hostChildren).toEqual(["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
    const ext = all("ExtensionPoint").find((e) => e.getAttribute("xsi:type") === "CustomFunctions")!;
    expect(Array.from(ext.childNodes).filter((n) => n.nodeType === 1).map((n) => n.nodeName)).toEqual(["Script", "Page", "Metadata", "Namespace"]);
  });
});
