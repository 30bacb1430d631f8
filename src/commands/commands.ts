/* Ribbon commands. With the shared runtime they run in the pane's page, so they can open the
 * pane and drive it directly (Office.addin.showAsTaskpane, SharedRuntime 1.1). */

export interface CommandTargets {
  showPane(): Promise<void>;
  validate(): Promise<void>;
  create(): Promise<void>;
}

function onCommand(run: () => Promise<void>) {
  return (event: Office.AddinCommands.Event) => {
    run()
      .catch(() => undefined)
      .finally(() => event.completed());
  };
}

/** Associates the manifest's ExecuteFunction ids with what they do. */
export function registerCommands(targets: CommandTargets): void {
  Office.actions.associate("validateBilagor", onCommand(async () => {
    await targets.showPane();
    await targets.validate();
  }));
  Office.actions.associate("createBilagor", onCommand(async () => {
    await targets.showPane();
    await targets.create();
  }));
}
