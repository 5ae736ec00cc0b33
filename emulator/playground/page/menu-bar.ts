// The spreadsheet's menu bar with the menus the add-on's onOpen built: a button per menu opens its items; an item
// runs its function as Sheets runs a menu item (Arrow keys move between items, Escape closes).
import { byId, make } from '../../../src/ui/dom';
import type { MenuView } from '../playground-types';

/** Renders the menus and hands each chosen item's function name on. */
export class MenuBar {
  private readonly root = byId('menu-bar', HTMLDivElement);

  constructor(private readonly onChoose: (functionName: string) => void) {
    document.addEventListener('click', (event) => {
      if (!this.root.contains(event.target as Node)) this.closeAll();
    });
  }

  /** Shows these menus (replacing those of an earlier open). */
  render(menus: readonly MenuView[]): void {
    this.root.replaceChildren(...menus.map((menu, index) => this.menu(menu, index)));
  }

  private menu(menu: MenuView, index: number): HTMLElement {
    const wrap = make('div', undefined, 'menu');
    const button = make('button', menu.title, 'menu-button');
    button.type = 'button';
    button.id = `menu-${index}`;
    button.setAttribute('aria-haspopup', 'menu');
    button.setAttribute('aria-expanded', 'false');
    const list = make('ul', undefined, 'menu-items');
    list.setAttribute('role', 'menu');
    list.setAttribute('aria-labelledby', button.id);
    list.hidden = true;
    const items = menu.items.map((item) => {
      const entry = make('li');
      entry.setAttribute('role', 'none');
      const action = make('button', item.caption, 'menu-item');
      action.type = 'button';
      action.setAttribute('role', 'menuitem');
      action.tabIndex = -1;
      action.addEventListener('click', () => {
        this.closeAll();
        button.focus();
        this.onChoose(item.functionName);
      });
      entry.append(action);
      return action;
    });
    list.append(...items.map((action) => action.parentElement as HTMLElement));
    const open = (focusIndex: number) => {
      this.closeAll();
      list.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      items[focusIndex]?.focus();
    };
    button.addEventListener('click', () => (list.hidden ? open(0) : this.closeAll()));
    button.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowDown') return;
      event.preventDefault();
      open(0);
    });
    list.addEventListener('keydown', (event) => {
      const at = items.indexOf(document.activeElement as HTMLButtonElement);
      const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 };
      if (event.key === 'Escape') {
        this.closeAll();
        button.focus();
      } else if (event.key in moves) {
        event.preventDefault();
        items[(moves[event.key] + items.length) % items.length].focus();
      }
    });
    wrap.append(button, list);
    return wrap;
  }

  private closeAll(): void {
    for (const list of this.root.querySelectorAll<HTMLElement>('.menu-items')) list.hidden = true;
    for (const button of this.root.querySelectorAll('.menu-button')) button.setAttribute('aria-expanded', 'false');
  }
}
