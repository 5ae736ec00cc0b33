// Small DOM helpers for the sidebar: typed lookups of its fixed markup and element creation.

/** The element with this id, checked to be of the expected kind (the markup lives in sidebar.html). */
export function byId<T extends HTMLElement>(id: string, kind: { new (): T; prototype: T }): T {
  const found = document.getElementById(id);
  if (!(found instanceof kind)) throw new Error(`sidebar.html has no ${kind.name} #${id}`);
  return found;
}

/** A new element with optional text and class. */
export function make<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (text !== undefined) element.textContent = text;
  if (className !== undefined) element.className = className;
  return element;
}
