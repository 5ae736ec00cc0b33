// Apps Script entry points: assigns the global functions that Apps Script calls, and nothing else.
declare const global: Record<string, unknown>;

global.onOpen = () => undefined;
