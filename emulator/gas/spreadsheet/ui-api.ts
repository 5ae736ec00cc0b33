// The script's Ui object (SpreadsheetApp.getUi()) and its menus; what they show is recorded for tests.
import type { UiRecord } from '../service-env';
import type { ApiContext } from './api-context';
import { checkArgs, signatureError } from './script-args';
import { scriptObject } from './script-object';

type MenuItem = UiRecord['menus'][number]['items'][number];

/** The title Apps Script gives an add-on's menu is the add-on's name; the emulator's add-on is called this. */
export const ADDON_MENU_TITLE = 'Add-on';

const BUTTON_SET = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;
const BUTTON = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;

interface HtmlLike {
  getTitle(): unknown;
  getContent(): unknown;
}

function isHtmlLike(value: unknown): value is HtmlLike {
  const o = value as Partial<HtmlLike> | null;
  return typeof o?.getTitle === 'function' && typeof o.getContent === 'function';
}

/** The Ui object of one execution. */
export function createUiApi(ctx: ApiContext): object {
  const { env } = ctx;
  const menuItems = new WeakMap<object, { title: string; items: MenuItem[] }>();

  const createMenuApi = (title: string, addon: boolean): object => {
    const state = { title, items: [] as MenuItem[] };
    const menu: object = scriptObject(env, 'Menu', {
      other: {
        addItem: (...args: unknown[]) => {
          checkArgs('Menu.addItem', args, ['string', 'string']);
          state.items.push({ caption: args[0] as string, functionName: args[1] as string });
          return menu;
        },
        addSeparator: () => {
          state.items.push({ separator: true });
          return menu;
        },
        addSubMenu: (...args: unknown[]) => {
          const sub = menuItems.get(args[0] as object);
          if (args.length !== 1 || !sub) throw signatureError('Menu.addSubMenu', args);
          // UiRecord menus are flat: a submenu's items are recorded with its title before their captions.
          for (const item of sub.items) state.items.push('separator' in item ? item : { ...item, caption: `${sub.title} › ${item.caption}` });
          return menu;
        },
        addToUi: () => {
          env.ui.menus.push({ title: state.title, addon, items: [...state.items] });
        },
      },
    });
    menuItems.set(menu, state);
    return menu;
  };

  const show = (method: string, record: (title: string, html: string) => void) => (...args: unknown[]) => {
    const [output, title] = args;
    if (!isHtmlLike(output) || (title !== undefined && typeof title !== 'string')) throw signatureError(method, args);
    record(title ?? String(output.getTitle() ?? ''), String(output.getContent()));
  };

  return scriptObject(env, 'Ui', {
    constants: { ButtonSet: BUTTON_SET, Button: BUTTON },
    other: {
      createMenu: (...args: unknown[]) => {
        checkArgs('Ui.createMenu', args, ['string']);
        return createMenuApi(args[0] as string, false);
      },
      createAddonMenu: () => createMenuApi(ADDON_MENU_TITLE, true),
      showSidebar: show('Ui.showSidebar', (title, html) => env.ui.sidebars.push({ title, html })),
      showModalDialog: show('Ui.showModalDialog', (title, html) => ctx.dialogs.push({ title, html, modal: true })),
      showModelessDialog: show('Ui.showModelessDialog', (title, html) => ctx.dialogs.push({ title, html, modal: false })),
      alert: (...args: unknown[]) => {
        // alert(prompt), alert(prompt, buttons), alert(title, prompt, buttons); nobody clicks, so the first button answers.
        checkArgs('Ui.alert', args, ['string'], args.length === 3 ? ['string', 'string'] : ['string']);
        const [title, prompt, buttons] = args.length === 3 ? (args as string[]) : ['', args[0] as string, args[1] as string | undefined];
        env.ui.alerts.push(title ? `${title}: ${prompt}` : prompt);
        return buttons === BUTTON_SET.YES_NO || buttons === BUTTON_SET.YES_NO_CANCEL ? BUTTON.YES : BUTTON.OK;
      },
    },
  });
}
