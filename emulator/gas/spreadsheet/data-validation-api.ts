// The script's DataValidationBuilder (SpreadsheetApp.newDataValidation()) and the DataValidation rules it builds.
import type { ApiContext } from './api-context';
import type { DataValidationModel } from './data-validation';
import { GasError } from './gas-error';
import { checkArgs } from './script-args';
import { scriptObject } from './script-object';

/** The criteria enum, as far as the emulator models criteria. */
export const DATA_VALIDATION_CRITERIA = { VALUE_IN_LIST: 'VALUE_IN_LIST' } as const;

type Draft = { -readonly [K in keyof DataValidationModel]: DataValidationModel[K] };

/** A builder starting from `from` (a copy of a rule) or empty; new rules allow invalid input, as in Sheets. */
export function createDataValidationBuilderApi(ctx: ApiContext, from?: DataValidationModel): object {
  const draft: Partial<Draft> = { allowInvalid: true, helpText: null, ...from };
  const builder: object = scriptObject(ctx.env, 'DataValidationBuilder', {
    other: {
      requireValueInList: (...args: unknown[]) => {
        checkArgs('DataValidationBuilder.requireValueInList', args, ['array'], ['boolean']);
        draft.criteria = DATA_VALIDATION_CRITERIA.VALUE_IN_LIST;
        draft.values = (args[0] as unknown[]).map(String);
        draft.showDropdown = args[1] !== false;
        return builder;
      },
      setAllowInvalid: (...args: unknown[]) => {
        checkArgs('DataValidationBuilder.setAllowInvalid', args, ['boolean']);
        draft.allowInvalid = args[0] as boolean;
        return builder;
      },
      setHelpText: (...args: unknown[]) => {
        checkArgs('DataValidationBuilder.setHelpText', args, ['string']);
        draft.helpText = args[0] as string;
        return builder;
      },
      build: () => {
        const { criteria, values, showDropdown, allowInvalid, helpText } = draft;
        // Message not taken from Apps Script: building with no criteria is a script bug the add-on never makes.
        if (!criteria || !values) throw new GasError('A data validation rule needs a criteria, such as requireValueInList.');
        return ctx.dataValidationApi({ criteria, values, showDropdown: showDropdown ?? true, allowInvalid: allowInvalid ?? true, helpText: helpText ?? null });
      },
    },
  });
  return builder;
}

/** The DataValidation object for `rule`. */
export function createDataValidationApi(ctx: ApiContext, rule: DataValidationModel): object {
  return scriptObject(ctx.env, 'DataValidation', {
    other: {
      getCriteriaType: () => rule.criteria,
      getCriteriaValues: () => [[...rule.values], rule.showDropdown],
      getAllowInvalid: () => rule.allowInvalid,
      getHelpText: () => rule.helpText,
      copy: () => createDataValidationBuilderApi(ctx, rule),
    },
  });
}
