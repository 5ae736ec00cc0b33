// Data validation: dropdown rules from the builder, rejecting and warning rules, for script and user writes.
import { gasError, leadBook } from './fake-env';

const STATUSES = ['NEW', 'CONTACTED', 'QUALIFIED', 'COMPLETED', 'LOST'];
const REJECTED =
  'Exception: The data you entered in cell D3 violates the data validation rules set on this cell. ' +
  'Please enter one of the following values: NEW, CONTACTED, QUALIFIED, COMPLETED, LOST.';

function withStatusRule(allowInvalid: boolean) {
  const fixture = leadBook();
  const rule = fixture.app.newDataValidation().requireValueInList(STATUSES, true).setAllowInvalid(allowInvalid).setHelpText('Pick a status').build();
  fixture.sheet.getRange('D2:D1000').setDataValidation(rule);
  return fixture;
}

describe('data validation', () => {
  it('a rejecting rule refuses a script write outside the list, with the Sheets message, and writes nothing', () => {
    const { sheet } = withStatusRule(false);
    expect(gasError(() => sheet.getRange('A3:D3').setValues([['L9', 'Bo', 'b@x', 'WON']]))).toBe(REJECTED);
    expect(sheet.getRange('A3:D3').getValues()).toEqual([['L2', 'Bob', 'bob@example.com', 'LOST']]);
    expect(gasError(() => sheet.getRange('D3').setValue('won'))).toBe(REJECTED);
  });

  it('a rejecting rule accepts list values and empty cells', () => {
    const { sheet } = withStatusRule(false);
    sheet.getRange('D2:D3').setValues([['QUALIFIED'], ['']]);
    expect(sheet.getRange('D2:D3').getValues()).toEqual([['QUALIFIED'], ['']]);
    sheet.getRange('D2').clearContent();
    expect(sheet.getRange('D2').getValue()).toBe('');
  });

  it('a rejecting rule refuses a person typing outside the list too', () => {
    const { book, app } = withStatusRule(false);
    app.flush();
    expect(gasError(() => book.sheet('Lead Tracker')!.typeAsUser(3, 4, [['WON']]))).toBe(REJECTED);
  });

  it('a rule that allows invalid input (the default) keeps the value', () => {
    const { sheet, app } = withStatusRule(true);
    sheet.getRange('D3').setValue('WON');
    expect(sheet.getRange('D3').getValue()).toBe('WON');
    const byDefault = app.newDataValidation().requireValueInList(['A']).build();
    expect(byDefault.getAllowInvalid()).toBe(true);
  });

  it('getDataValidation describes the rule; clearDataValidations and setDataValidation(null) remove it', () => {
    const { sheet, app } = withStatusRule(false);
    const rule = sheet.getRange('D5').getDataValidation()!;
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(rule.getCriteriaValues()).toEqual([STATUSES, true]);
    expect([rule.getAllowInvalid(), rule.getHelpText()]).toEqual([false, 'Pick a status']);
    sheet.getRange('D5').clearDataValidations();
    sheet.getRange('D6').setDataValidation(null);
    expect([sheet.getRange('D5').getDataValidation(), sheet.getRange('D6').getDataValidation(), sheet.getRange('A2').getDataValidation()]).toEqual([
      null,
      null,
      null,
    ]);
    expect(sheet.getRange('D5:D6').setValue('anything').getValues()).toEqual([['anything'], ['anything']]);
  });

  it('copy() starts a builder from an existing rule', () => {
    const { sheet } = withStatusRule(false);
    const loose = sheet.getRange('D2').getDataValidation()!.copy().setAllowInvalid(true).build();
    sheet.getRange('D2').setDataValidation(loose).setValue('WON');
    expect(sheet.getRange('D2').getDataValidation()!.getCriteriaValues()).toEqual([STATUSES, true]);
  });

  it('setDataValidation takes only a built rule or null', () => {
    const { sheet, app } = leadBook();
    const set = sheet.getRange('D2').setDataValidation as unknown as (rule: unknown) => unknown;
    expect(gasError(() => set(app.newDataValidation()))).toBe(
      "Exception: The parameters ((class)) don't match the method signature for SpreadsheetApp.Range.setDataValidation.",
    );
  });
});
