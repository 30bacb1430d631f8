import * as path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { toSwedishMetadata } = require("../../scripts/functions-sv.js") as { toSwedishMetadata: (m: Metadata, sv: unknown) => Metadata };
import sv from "../../src/functions/sv.json";

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
}
export interface Metadata {
  functions: MetadataFunction[];
}

let cached: Promise<{ en: Metadata; sv: Metadata }> | null = null;

/** functions.json generated from the JSDoc in src/functions/functions.ts, and its Swedish twin. */
export function functionsMetadata(): Promise<{ en: Metadata; sv: Metadata }> {
  cached ??= generateCustomFunctionsMetadata([path.resolve(__dirname, "../../src/functions/functions.ts")], true).then((result) => {
    if (result.errors.length > 0) throw new Error(result.errors.join("\n"));
    const en = JSON.parse(result.metadataJson) as Metadata;
    return { en, sv: toSwedishMetadata(en, sv) };
  });
  return cached;
}
