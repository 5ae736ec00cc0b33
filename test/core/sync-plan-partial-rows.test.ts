// Rows a person is still filling in: a new lead without a name, a blank status, a cell showing a formula's error.
import { base, card, plan, row } from './plan-fixture';
import { refusedChange } from '../../src/core/row-problem';

// The flags as the person reads them in the row's note.
const WAITING_FOR_NAME = 'This new lead waits for a name: type one and its Trello card is created.';
const BLANK_STATUS_FLAGGED = 'The status is blank: choose one. The card stays where it is until then.';
const BLANK_STATUS_UNMAPPED_LIST = "The status is blank and the card's list has no status: choose one.";

const CARD = 'c00000000000000000000001';

describe('planSync: partial rows', () => {
  it('creates no card for a new lead without a name: the name cell says it waits', () => {
    const result = plan({ rows: [row('L1', '', 'NEW'), row('L2', 'Bo', 'NEW')] });
    expect(result.steps.map((step) => step.leadId)).toEqual(['L2']);
    expect(result.problems).toEqual([{ row: 2, column: 'name', leadId: 'L1', message: WAITING_FOR_NAME }]);
  });

  it('still links a nameless new lead to the card an earlier run made for it', () => {
    const result = plan({ rows: [row('L1', '', 'NEW')], cards: [card(CARD, 'L1', 'TODO', 'L1')] });
    expect(result.steps[0].cells).toMatchObject({ trello_card_id: CARD });
    expect(result.problems).toEqual([]);
  });

  it('keeps the card where it is when a linked lead’s status is blanked, and fills the status from its list', () => {
    const result = plan({
      rows: [row('L1', 'Ada', '', CARD)],
      base: [base('L1', CARD, 'QUALIFIED', 'IN_PROGRESS', 'Ada')],
      cards: [card(CARD, 'L1', 'IN_PROGRESS', 'Ada')],
    });
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0].trello).toBeUndefined();
    expect(result.steps[0].cells).toEqual({ status: 'QUALIFIED' });
    expect(result.problems).toEqual([]);
  });

  it('fills a blanked status from the card’s list when the base has no record of the lead', () => {
    const result = plan({ rows: [row('L1', 'Ada', '', CARD)], cards: [card(CARD, 'L1', 'DONE', 'Ada')] });
    expect(result.steps.map((step) => step.cells)).toEqual([{ status: 'COMPLETED' }]);
    expect(result.problems).toEqual([]);
  });

  it('takes the status of the list a card was moved to when its blanked status is filled', () => {
    const result = plan({ rows: [row('L1', 'Ada', '', CARD)], base: [base('L1', CARD, 'NEW', 'TODO', 'Ada')], cards: [card(CARD, 'L1', 'DONE', 'Ada')] });
    expect(result.steps[0].trello).toBeUndefined();
    expect(result.steps[0].cells).toEqual({ status: 'COMPLETED' });
  });

  it('flags a blank status instead when the setting says so, and leaves the card alone', () => {
    const result = plan({ rows: [row('L1', 'Ada', '', CARD)], base: [base('L1', CARD, 'NEW', 'TODO', 'Ada')], cards: [card(CARD, 'L1', 'DONE', 'Ada')], options: { blankStatus: 'FLAG' } });
    expect(result.steps).toEqual([]);
    expect(result.problems).toEqual([{ row: 2, column: 'status', leadId: 'L1', message: BLANK_STATUS_FLAGGED }]);
  });

  it('flags a blank status whose card is in a list no status maps to', () => {
    const result = plan({ rows: [row('L1', 'Ada', '', CARD)], base: [base('L1', CARD, 'NEW', 'TODO', 'Ada')], cards: [card(CARD, 'L1', 'list-elsewhere', 'Ada')] });
    expect(result.steps).toEqual([]);
    expect(result.problems).toEqual([{ row: 2, column: 'status', leadId: 'L1', message: BLANK_STATUS_UNMAPPED_LIST }]);
  });

  it('marks a blanked status whose card was deleted as any deleted card, without filling the status', () => {
    const result = plan({ rows: [row('L1', 'Ada', '', CARD)], base: [base('L1', CARD, 'NEW', 'TODO', 'Ada')], fates: new Map([[CARD, 'deleted']]) });
    expect(result.problems).toEqual([expect.objectContaining({ column: 'trello_card_id', message: expect.stringContaining('was deleted from Trello') })]);
    expect(result.steps[0].cells).toBeUndefined();
  });

  it.each(['#N/A', '#REF!', '#NAME?', '#ERROR!', '#VALUE!', '#DIV/0!', '#NUM!', '#NULL!', 'Loading...'])('never sends the error value %s to Trello: the cell is flagged', (error) => {
    const result = plan({
      rows: [row('L1', error, 'NEW', CARD), ['L2', 'Bo', 'b@example.com', error, 'Web', '']],
      base: [base('L1', CARD, 'NEW', 'TODO', 'Ada')],
      cards: [card(CARD, 'L1', 'TODO', 'Ada')],
    });
    expect(result.steps).toEqual([]);
    expect(result.problems).toEqual([
      { row: 2, column: 'name', leadId: 'L1', message: expect.stringContaining(`This cell shows ${error}`) },
      { row: 3, column: 'status', leadId: 'L2', message: expect.stringContaining(`This cell shows ${error}`) },
    ]);
  });

  it('takes a row whose id shows an error for neither a lead nor a deleted row of another', () => {
    const result = plan({ rows: [row('#REF!', 'Ada', 'NEW', CARD)], base: [base('L1', CARD, 'NEW', 'TODO', 'Ada')], cards: [card(CARD, 'L1', 'TODO', 'Ada')] });
    expect(result.problems).toEqual([{ row: 2, column: 'id', leadId: '', message: expect.stringContaining('This cell shows #REF!') }]);
    // The card stays linked to its lead: the row is not taken for deleted while its card id is there.
    expect(result.steps.every((step) => step.nextBase.cardId === CARD && !step.trello)).toBe(true);
  });
});

describe('refusedChange', () => {
  const lead = { email: 'a@example.com', source: 'x'.repeat(40) };

  it('puts a refusal on the cell Trello’s answer is about, in the sheet’s words, with Trello’s answer last', () => {
    expect(refusedChange('400 invalid value for name', lead)).toEqual({
      column: 'name',
      message: 'Trello did not accept this name for the card. Change the name, then the row syncs again. (Trello answered: 400 invalid value for name.)',
    });
    expect(refusedChange('400 invalid value for idList', lead).column).toBe('status');
    expect(refusedChange('400 invalid value for desc', lead).column).toBe('source');
    expect(refusedChange('400 invalid value for desc', { ...lead, email: 'e'.repeat(60) }).column).toBe('email');
  });

  it('keeps an answer it cannot place on the card id cell', () => {
    expect(refusedChange('422 card is locked', lead)).toEqual({
      column: 'trello_card_id',
      message: 'Trello refused the last change to the card. Change the row, then the row syncs again. (Trello answered: 422 card is locked.)',
    });
  });
});
