// Sidebar client: shows the sync status and drives setup through the server API.
document.getElementById('app')!.textContent = 'Sheets ⇄ Trello Sync';
