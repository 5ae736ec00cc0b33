// HtmlService and ContentService: outputs from files and text, their settings, and Apps Script's errors.
import { GasEmulator } from '../../../emulator/gas';

const CODE = `
function sidebar() {
  var out = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Trello Sync').setWidth(300).append('<p>end</p>')
    .setSandboxMode(HtmlService.SandboxMode.IFRAME).setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL)
    .addMetaTag('viewport', 'width=device-width');
  out.appendUntrusted('<b>');
  return [String(out), out.getTitle(), out.getWidth(), out.getContent(), out.getMetaTags()];
}
function fromFileWithExtension() { return HtmlService.createHtmlOutputFromFile('Sidebar.html').getContent(); }
function missing() { HtmlService.createHtmlOutputFromFile('Nope'); }
function show() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<h1>Hi</h1>').setTitle('T')); }
function text() {
  var out = ContentService.createTextOutput('{"ok":').append('true}').setMimeType(ContentService.MimeType.JSON);
  return [out.getContent(), String(out.getMimeType()), out.getMimeType() === ContentService.MimeType.JSON, String(ContentService.createTextOutput().getMimeType())];
}
function badMime() { ContentService.createTextOutput('x').setMimeType('application/pdf'); }
`;

describe('HtmlService', () => {
  const html = { Sidebar: '<div>sidebar</div>' };

  it('builds outputs from the project HTML files', () => {
    const emulator = new GasEmulator({ code: CODE, html });
    expect(emulator.run('sidebar').returnValue).toEqual([
      'HtmlOutput',
      'Trello Sync',
      300,
      '<div>sidebar</div><p>end</p>&#60;b&#62;',
      [{ name: 'viewport', content: 'width=device-width' }],
    ]);
    expect(emulator.run('fromFileWithExtension').returnValue).toBe('<div>sidebar</div>');
  });

  it('throws the Apps Script text for a missing file', () => {
    expect(new GasEmulator({ code: CODE, html }).run('missing').error).toBe('Exception: No HTML file named Nope was found.');
  });

  it('hands outputs to the spreadsheet UI', () => {
    const emulator = new GasEmulator({ code: CODE });
    emulator.run('show');
    expect(emulator.ui.sidebars).toEqual([{ title: 'T', html: '<h1>Hi</h1>' }]);
  });
});

describe('ContentService', () => {
  it('builds text outputs with a MIME type (plain text by default)', () => {
    expect(new GasEmulator({ code: CODE }).run('text').returnValue).toEqual(['{"ok":true}', 'JSON', true, 'TEXT']);
  });

  it('refuses a MIME type that is not in the enum', () => {
    expect(new GasEmulator({ code: CODE }).run('badMime').error).toBe('Exception: Invalid argument: mimeType');
  });
});
