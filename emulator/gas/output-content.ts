// The content methods that ContentService's TextOutput and HtmlService's HtmlOutput share.

/** getContent / setContent / append / clear over `state.content`; the setters return `self()` for chaining. */
export function contentMethods(state: { content: string }, self: () => object): Record<'getContent' | 'setContent' | 'append' | 'clear', (...args: unknown[]) => unknown> {
  return {
    getContent: () => state.content,
    setContent: (content: unknown) => {
      state.content = String(content);
      return self();
    },
    append: (content: unknown) => {
      state.content += String(content);
      return self();
    },
    clear: () => {
      state.content = '';
      return self();
    },
  };
}
