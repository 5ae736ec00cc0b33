// Saving from the sidebar: the "create the missing lists?" question is asked once, and only a yes creates them.
import type { ActionResult, SettingsInput } from '../../src/app/sidebar-types';
import { saveConfirmed } from '../../src/ui/confirmed-save';

const ASKED: ActionResult = { ok: false, message: 'Not saved: The list “Parking lot” does not exist on the board. Create it?', missingLists: ['Parking lot'] };
const SAVED: ActionResult = { ok: true, message: 'Settings saved.' };
const input: SettingsInput = { sheetName: 'LeadTracker', mapping: [{ status: 'ON_HOLD', list: 'Parking lot' }] };

/** A fake server that answers `answers` in turn and records what it was sent. */
function server(...answers: ActionResult[]) {
  const sent: SettingsInput[] = [];
  return { sent, save: async (given: SettingsInput) => (sent.push(given), answers[sent.length - 1]) };
}

describe('saveConfirmed', () => {
  it('saves again with the confirmation when the person agrees to create the lists', async () => {
    const { sent, save } = server(ASKED, SAVED);
    const questions: string[] = [];
    await expect(saveConfirmed(save, input, (question) => (questions.push(question), true))).resolves.toEqual(SAVED);
    expect(questions).toEqual([ASKED.message]);
    expect(sent).toEqual([input, { ...input, createLists: true }]);
  });

  it('leaves the question standing when the person declines, sending nothing more', async () => {
    const { sent, save } = server(ASKED);
    await expect(saveConfirmed(save, input, () => false)).resolves.toEqual(ASKED);
    expect(sent).toEqual([input]);
  });

  it('asks nothing when the save succeeds or fails for another reason', async () => {
    const refused: ActionResult = { ok: false, message: 'Not saved: There is no tab named “Leads2” in this spreadsheet.' };
    for (const answer of [SAVED, refused]) {
      const { sent, save } = server(answer);
      const ask = jest.fn(() => true);
      await expect(saveConfirmed(save, input, ask)).resolves.toEqual(answer);
      expect(ask).not.toHaveBeenCalled();
      expect(sent).toHaveLength(1);
    }
  });
});
