import { functionsMetadata } from "../helpers/metadata";

describe("functions.json generated from the JSDoc", () => {
  it("declares the five functions with ASCII ids of at least three characters, unique, each spilling a result column", async () => {
    const { en } = await functionsMetadata();
    const ids = en.functions.map((f) => f.id);
    expect(ids.sort()).toEqual(["COST_SHIFT", "ISO_NORMALIZE", "ISO_TITLE", "WHO_PAYS", "WHO_PAYS_WHY"]);
    for (const fn of en.functions) {
      expect(fn.id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
      // Every function takes ranges and returns a matrix (one answer per row).
      expect(fn.result.dimensionality).toBe("matrix");
      for (const p of fn.parameters) expect([p.type, p.dimensionality]).toEqual(["any", "matrix"]);
      // Error cells arrive as values, so one bad row does not turn a whole spill into an error.
      expect(fn.options?.capturesCalculationErrors).toBe(true);
      expect(fn.description).toBeTruthy();
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("takes WHO_PAYS(iso, boendeform, age, [specialanpassad], [datum])", async () => {
    const { en } = await functionsMetadata();
    const fn = en.functions.find((f) => f.id === "WHO_PAYS")!;
    expect(fn.parameters.map((p) => [p.name, Boolean(p.optional)])).toEqual([
      ["iso", false],
      ["boendeform", false],
      ["age", false],
      ["specialanpassad", true],
      ["datum", true],
    ]);
  });
});

describe("functions-sv.json", () => {
  it("gives every function a unique, valid Swedish name", async () => {
    const { sv } = await functionsMetadata();
    const names = sv.functions.map((f) => f.name);
    expect(names.sort()).toEqual(["ISO_BENÄMNING", "ISO_NORMALISERA", "KOSTNADSFÖRSKJUTNING", "VEM_BETALAR", "VEM_BETALAR_VARFÖR"]);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^\p{L}[\p{L}\d_.]{2,}$/u);
  });

  it("keeps the ids and parameters of functions.json, with Swedish names and descriptions", async () => {
    const { en, sv } = await functionsMetadata();
    expect(sv.functions.map((f) => f.id)).toEqual(en.functions.map((f) => f.id));
    expect(sv.functions.find((f) => f.id === "WHO_PAYS")!.parameters.map((p) => p.name)).toEqual(["iso", "boendeform", "ålder", "specialanpassad", "datum"]);
    expect(sv.functions.find((f) => f.id === "COST_SHIFT")!.parameters.map((p) => p.name)).toEqual(["iso", "boendeform", "kostnad", "från_datum", "till_datum"]);
    sv.functions.forEach((fn, i) => {
      expect(fn.parameters.map((p) => [p.type, p.dimensionality, Boolean(p.optional)])).toEqual(en.functions[i]!.parameters.map((p) => [p.type, p.dimensionality, Boolean(p.optional)]));
      expect(fn.description).not.toEqual(en.functions[i]!.description);
      for (const p of fn.parameters) expect(p.description).toBeTruthy();
    });
  });
});
