// ESLint 9 flat config: Microsoft's Office add-in rules (every one an error) and typescript-eslint's
// recommended rules over src/. `npm run lint`; `npm test` runs it.
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

const officeRules = Object.fromEntries(Object.keys(officeAddins.rules).map((name) => [`office-addins/${name}`, "error"]));

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**"] },
  {
    files: ["src/**/*.ts"],
    extends: [tseslint.configs.recommended],
    plugins: { "office-addins": officeAddins },
    rules: {
      ...officeRules,
      // No eval, as the project's security standard says.
      "no-eval": "error",
      "no-implied-eval": "error",
    },
  },
  {
    // custom-functions-metadata writes functions.json from these signatures and maps only `any`
    // (not `unknown`) to Excel's "any" type, so the custom functions must declare `any[][]`.
    files: ["src/functions/functions.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
