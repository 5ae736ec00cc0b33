// Saving settings with the one question a save can ask: create the mapped lists the board lacks?
import type { ActionResult, SettingsInput } from '../app/sidebar-types';

/**
 * Saves `input`; when the answer names missing lists and the person agrees to `ask`, saves again with the
 * confirmation, so a list is only ever created on request. A declined question leaves the first answer standing.
 */
export async function saveConfirmed(save: (input: SettingsInput) => Promise<ActionResult>, input: SettingsInput, ask: (question: string) => boolean): Promise<ActionResult> {
  const first = await save(input);
  if (first.ok || !first.missingLists?.length || !ask(first.message)) return first;
  return save({ ...input, createLists: true });
}
