// Call counting (README, Cost budgets): every method of every script object counts one Spreadsheet call, and exactly the methods that
// move cell data or notes count a Sheets data call as well.
import { leadBook } from './fake-env';

type Fixture = ReturnType<typeof leadBook>;
type Loose = Record<string, (...args: unknown[]) => unknown>;
type Case = [kind: 'sheetsData' | undefined, args: (f: Fixture) => unknown[]];

const loose = (o: unknown) => o as Loose;
const range = (f: Fixture) => loose(f.sheet.getRange('A2:B3'));
const html = { getTitle: () => 't', getContent: () => 'c' };

/** Every class the script can reach: how to get one, and every method with arguments that make it succeed. */
const CLASSES: Record<string, { of: (f: Fixture) => Loose; methods: Record<string, Case> }> = {
  SpreadsheetApp: {
    of: (f) => loose(f.app),
    methods: {
      getActiveSpreadsheet: [undefined, () => []],
      getActive: [undefined, () => []],
      getActiveSheet: [undefined, () => []],
      openById: [undefined, () => ['book-1']],
      getUi: [undefined, () => []],
      newDataValidation: [undefined, () => []],
      flush: [undefined, () => []],
    },
  },
  Spreadsheet: {
    of: (f) => loose(f.app.getActiveSpreadsheet()),
    methods: {
      getId: [undefined, () => []],
      getName: [undefined, () => []],
      getUrl: [undefined, () => []],
      getSpreadsheetTimeZone: [undefined, () => []],
      getSheets: [undefined, () => []],
      getNumSheets: [undefined, () => []],
      getSheetByName: [undefined, () => ['Lead Tracker']],
      getSheetById: [undefined, () => [0]],
      getActiveSheet: [undefined, () => []],
      getRange: [undefined, () => ['A1']],
      insertSheet: [undefined, () => ['New']],
      deleteSheet: [undefined, (f) => [f.app.getActiveSpreadsheet().insertSheet('Gone')]],
      toast: [undefined, () => ['hi']],
    },
  },
  Sheet: {
    of: (f) => loose(f.sheet),
    methods: {
      appendRow: ['sheetsData', () => [['L3']]],
      clear: ['sheetsData', () => []],
      clearContents: ['sheetsData', () => []],
      clearNotes: ['sheetsData', () => []],
      getName: [undefined, () => []],
      setName: [undefined, () => ['Renamed']],
      getSheetId: [undefined, () => []],
      getIndex: [undefined, () => []],
      getParent: [undefined, () => []],
      getRange: [undefined, () => [1, 1]],
      getDataRange: [undefined, () => []],
      createTextFinder: [undefined, () => ['L']],
      getLastRow: [undefined, () => []],
      getLastColumn: [undefined, () => []],
      getMaxRows: [undefined, () => []],
      getMaxColumns: [undefined, () => []],
      insertRowAfter: [undefined, () => [1]],
      insertRowsAfter: [undefined, () => [1, 2]],
      insertRowBefore: [undefined, () => [1]],
      insertRowsBefore: [undefined, () => [1, 2]],
      deleteRow: [undefined, () => [2]],
      deleteRows: [undefined, () => [2, 2]],
      insertColumnsAfter: [undefined, () => [1, 1]],
      hideSheet: [
        undefined,
        (f) => {
          f.app.getActiveSpreadsheet().insertSheet('Other');
          return [];
        },
      ],
      showSheet: [undefined, () => []],
      isSheetHidden: [undefined, () => []],
      activate: [undefined, () => []],
      setFrozenRows: [undefined, () => [1]],
      getFrozenRows: [undefined, () => []],
    },
  },
  Range: {
    of: range,
    methods: {
      getValues: ['sheetsData', () => []],
      getValue: ['sheetsData', () => []],
      getDisplayValues: ['sheetsData', () => []],
      getDisplayValue: ['sheetsData', () => []],
      getFormulas: ['sheetsData', () => []],
      getFormula: ['sheetsData', () => []],
      getNotes: ['sheetsData', () => []],
      getNote: ['sheetsData', () => []],
      setValues: ['sheetsData', () => [[['a', 'b'], ['c', 'd']]]],
      setValue: ['sheetsData', () => ['x']],
      setFormulas: ['sheetsData', () => [[['=1', '=2'], ['=3', '=4']]]],
      setFormula: ['sheetsData', () => ['=1']],
      setNotes: ['sheetsData', () => [[['a', 'b'], ['c', 'd']]]],
      setNote: ['sheetsData', () => ['n']],
      clearNote: ['sheetsData', () => []],
      clearContent: ['sheetsData', () => []],
      clear: ['sheetsData', () => []],
      getRow: [undefined, () => []],
      getColumn: [undefined, () => []],
      getLastRow: [undefined, () => []],
      getLastColumn: [undefined, () => []],
      getNumRows: [undefined, () => []],
      getNumColumns: [undefined, () => []],
      getA1Notation: [undefined, () => []],
      getSheet: [undefined, () => []],
      createTextFinder: [undefined, () => ['L']],
      getNumberFormat: [undefined, () => []],
      getNumberFormats: [undefined, () => []],
      setNumberFormat: [undefined, () => ['@']],
      setNumberFormats: [undefined, () => [[['@', '@'], ['@', '@']]]],
      getDataValidation: [undefined, () => []],
      setDataValidation: [undefined, () => [null]],
      clearDataValidations: [undefined, () => []],
      setFontWeight: [undefined, () => ['bold']],
      setBackground: [undefined, () => ['#eeeeee']],
    },
  },
  Ui: {
    of: (f) => loose(f.app.getUi()),
    methods: {
      createMenu: [undefined, () => ['M']],
      createAddonMenu: [undefined, () => []],
      showSidebar: [undefined, () => [html]],
      showModalDialog: [undefined, () => [html, 'T']],
      showModelessDialog: [undefined, () => [html, 'T']],
      alert: [undefined, () => ['hello']],
    },
  },
  Menu: {
    of: (f) => loose(f.app.getUi().createMenu('M')),
    methods: {
      addItem: [undefined, () => ['Sync now', 'syncNow']],
      addSeparator: [undefined, () => []],
      addSubMenu: [undefined, (f) => [f.app.getUi().createMenu('Sub')]],
      addToUi: [undefined, () => []],
    },
  },
  TextFinder: {
    of: (f) => loose(f.sheet.createTextFinder('L')),
    methods: {
      matchCase: [undefined, () => [true]],
      matchEntireCell: [undefined, () => [true]],
      matchFormulaText: [undefined, () => [true]],
      ignoreDiacritics: [undefined, () => [true]],
      useRegularExpression: [undefined, () => [true]],
      startFrom: [undefined, (f) => [f.sheet.getRange('A1')]],
      findAll: [undefined, () => []],
      findNext: [undefined, () => []],
      findPrevious: [undefined, () => []],
      getCurrentMatch: [undefined, () => []],
    },
  },
  DataValidationBuilder: {
    of: (f) => loose(f.app.newDataValidation().requireValueInList(['A'])),
    methods: {
      requireValueInList: [undefined, () => [['A', 'B'], false]],
      setAllowInvalid: [undefined, () => [false]],
      setHelpText: [undefined, () => ['help']],
      build: [undefined, () => []],
    },
  },
  DataValidation: {
    of: (f) => loose(f.app.newDataValidation().requireValueInList(['A']).build()),
    methods: {
      getCriteriaType: [undefined, () => []],
      getCriteriaValues: [undefined, () => []],
      getAllowInvalid: [undefined, () => []],
      getHelpText: [undefined, () => []],
      copy: [undefined, () => []],
    },
  },
};

const rows = Object.entries(CLASSES).flatMap(([className, { methods }]) =>
  Object.entries(methods).map(([method, [kind]]) => [`${className}.${method}`, kind ?? 'Spreadsheet call only'] as const),
);

describe('call counting', () => {
  it.each(Object.keys(CLASSES))('the table lists every method of %s', (className) => {
    const { of, methods } = CLASSES[className];
    const methodNames = Object.keys(of(leadBook())).filter((k) => !/^[A-Z]/.test(k));
    expect(methodNames.sort()).toEqual(Object.keys(methods).sort());
  });

  it.each(rows)('%s counts as %s', (qualified) => {
    const [className, method] = qualified.split('.');
    const [kind, args] = CLASSES[className].methods[method];
    const f = leadBook();
    const target = CLASSES[className].of(f);
    const callArgs = args(f);
    const before = { ...f.counters };
    const recorded = f.calls.length;
    target[method](...callArgs);
    expect(f.calls.slice(recorded)).toEqual([{ service: 'SpreadsheetApp', method: qualified, kind }]);
    expect(f.counters.spreadsheetCalls - before.spreadsheetCalls).toBe(1);
    expect(f.counters.sheetsDataCalls - before.sheetsDataCalls).toBe(kind === 'sheetsData' ? 1 : 0);
  });

  it('a failing call is counted too (Apps Script spends the round trip)', () => {
    const f = leadBook();
    expect(() => f.sheet.getRange(1, 1, 1, 2).setValues([['only one']])).toThrow('The number of columns in the data does not match');
    expect(f.counters.sheetsDataCalls).toBe(1);
  });
});
