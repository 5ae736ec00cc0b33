// The Ui: only where a user interface exists; menus, sidebars, dialogs and alerts are recorded.
import { gasError, leadBook } from './fake-env';

const html = (title: string, content: string) => ({ getTitle: () => title, getContent: () => content });

describe('SpreadsheetApp.getUi', () => {
  it('throws in a context without a user interface (triggers, the web app)', () => {
    const { app } = leadBook({ hasUi: false });
    expect(gasError(() => app.getUi())).toBe('Exception: Cannot call SpreadsheetApp.getUi() from this context.');
  });

  it('records a menu with its items and separators when added to the Ui', () => {
    const { app, ui } = leadBook();
    const sub = app.getUi().createMenu('Setup').addItem('Connect Trello', 'connectTrello');
    const menu = app.getUi().createMenu('Trello Sync').addItem('Sync now', 'syncNow').addSeparator().addSubMenu(sub);
    expect(ui.menus).toEqual([]);
    menu.addToUi();
    expect(ui.menus).toEqual([
      {
        title: 'Trello Sync',
        addon: false,
        items: [{ caption: 'Sync now', functionName: 'syncNow' }, { separator: true }, { caption: 'Setup › Connect Trello', functionName: 'connectTrello' }],
      },
    ]);
  });

  it('records the add-on menu as an add-on menu', () => {
    const { app, ui } = leadBook();
    app.getUi().createAddonMenu().addItem('Open sidebar', 'showSidebar').addToUi();
    expect(ui.menus).toEqual([{ title: 'Add-on', addon: true, items: [{ caption: 'Open sidebar', functionName: 'showSidebar' }] }]);
  });

  it('records sidebars and dialogs', () => {
    const { app, ui, service } = leadBook();
    const u = app.getUi() as unknown as Record<string, (...args: unknown[]) => unknown>;
    u.showSidebar(html('Trello Sync', '<p>hi</p>'));
    u.showModalDialog(html('ignored', '<p>dialog</p>'), 'Connect');
    expect(ui.sidebars).toEqual([{ title: 'Trello Sync', html: '<p>hi</p>' }]);
    expect(service.dialogs).toEqual([{ title: 'Connect', html: '<p>dialog</p>', modal: true }]);
    expect(gasError(() => u.showSidebar('<p>raw</p>'))).toBe(
      "Exception: The parameters (String) don't match the method signature for SpreadsheetApp.Ui.showSidebar.",
    );
  });

  it('records alerts and answers with the first button', () => {
    const { app, ui } = leadBook();
    const u = app.getUi();
    expect(u.alert('Webhook registered')).toBe(u.Button.OK);
    expect(u.alert('Remove webhook?', u.ButtonSet.YES_NO)).toBe(u.Button.YES);
    expect(u.alert('Trello', 'Could not connect', u.ButtonSet.OK)).toBe('OK');
    expect(ui.alerts).toEqual(['Webhook registered', 'Remove webhook?', 'Trello: Could not connect']);
  });
});
