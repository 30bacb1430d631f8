"use strict";
/**
 * Builds functions-sv.json (Swedish names and descriptions) from the generated functions.json
 * and src/functions/sv.json. Used by the webpack build and by the metadata tests, so both see
 * the same result. Fails loudly when a function or parameter has no Swedish text.
 */
function toSwedishMetadata(metadata, sv) {
  const functions = metadata.functions.map((fn) => {
    const text = sv[fn.id];
    if (!text) throw new Error(`functions-sv: no Swedish text for ${fn.id} in src/functions/sv.json`);
    const parameters = (fn.parameters || []).map((p) => {
      const description = text.parameters && text.parameters[p.name];
      if (!description) throw new Error(`functions-sv: no Swedish text for ${fn.id}(${p.name})`);
      // Parameter names are shown in Excel's formula help: Swedish where sv.json gives one.
      const name = (text.parameterNames && text.parameterNames[p.name]) || p.name;
      return { ...p, name, description };
    });
    return {
      ...fn,
      name: text.name,
      description: text.description,
      parameters,
    };
  });
  const unknown = Object.keys(sv).filter((id) => !metadata.functions.some((fn) => fn.id === id));
  if (unknown.length > 0) throw new Error(`functions-sv: Swedish text for unknown functions: ${unknown.join(", ")}`);
  return { ...metadata, functions };
}

/** The fragment of a function's section on the help page: WHO_PAYS -> "fn-who-pays". */
function helpAnchor(id) {
  return `fn-${id.toLowerCase().replace(/_/g, "-")}`;
}

/**
 * Options the JSDoc generator cannot express: every function receives error cells as values
 * (capturesCalculationErrors), so one #N/A in a column gives one error row, not a whole error spill.
 * With the add-in's base URL (https, ending in /), each function also gets a helpUrl to its section
 * of the built help page, which Excel's Insert Function dialog links to ("Hjälp om den här funktionen").
 */
function withOptions(metadata, baseUrl) {
  return {
    ...metadata,
    functions: metadata.functions.map((fn) => ({
      ...fn,
      ...(baseUrl ? { helpUrl: `${baseUrl}hjalp.html#${helpAnchor(fn.id)}` } : {}),
      options: { ...(fn.options || {}), capturesCalculationErrors: true },
    })),
  };
}

class SwedishFunctionsPlugin {
  constructor(options) {
    this.options = options;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("SwedishFunctionsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "SwedishFunctionsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(this.options.input);
          if (!asset) {
            compilation.errors.push(new compiler.webpack.WebpackError(`SwedishFunctionsPlugin: ${this.options.input} was not generated`));
            return;
          }
          const sv = JSON.parse(require("node:fs").readFileSync(this.options.sv, "utf8"));
          compilation.fileDependencies.add(this.options.sv);
          try {
            const metadata = withOptions(JSON.parse(asset.source.source().toString()), this.options.baseUrl);
            compilation.updateAsset(this.options.input, new sources.RawSource(JSON.stringify(metadata, null, 4)));
            const out = toSwedishMetadata(metadata, sv);
            compilation.emitAsset(this.options.output, new sources.RawSource(JSON.stringify(out, null, 2)));
          } catch (e) {
            compilation.errors.push(new compiler.webpack.WebpackError(e.message));
          }
        },
      );
    });
  }
}

module.exports = { toSwedishMetadata, withOptions, SwedishFunctionsPlugin };
