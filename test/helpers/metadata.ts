import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

/** The repository root, from test/helpers or from a compiled copy under dist/ (the benchmark). */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, "webpack.config.js"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("repository root not found");
    dir = parent;
  }
  return dir;
}

const ROOT = repoRoot();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { toSwedishMetadata, withOptions } = require(path.join(ROOT, "scripts", "functions-sv.js")) as {
  toSwedishMetadata: (m: Metadata, sv: unknown) => Metadata;
  withOptions: (m: Metadata) => Metadata;
};
const sv = JSON.parse(readFileSync(path.join(ROOT, "src", "functions", "sv.json"), "utf8")) as unknown;

export interface MetadataParameter {
  name: string;
  description?: string;
  type: string;
  optional?: boolean;
  dimensionality?: string;
}
export interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  parameters: MetadataParameter[];
  result: { type?: string; dimensionality?: string };
  options?: { capturesCalculationErrors?: boolean };
}
export interface Metadata {
  functions: MetadataFunction[];
}

let cached: Promise<{ en: Metadata; sv: Metadata }> | null = null;

/** functions.json as the build emits it (generated from the JSDoc, plus options), and its Swedish twin. */
export function functionsMetadata(): Promise<{ en: Metadata; sv: Metadata }> {
  cached ??= generateCustomFunctionsMetadata([path.join(ROOT, "src", "functions", "functions.ts")], true).then((result) => {
    if (result.errors.length > 0) throw new Error(result.errors.join("\n"));
    const en = withOptions(JSON.parse(result.metadataJson) as Metadata);
    return { en, sv: toSwedishMetadata(en, sv) };
  });
  return cached;
}
