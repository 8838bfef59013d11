type Child = Node | string | number | null | undefined | false;
type Props = Record<string, unknown>;

/**
 * Creates an element: `on*` properties become event listeners, `class` the class name, `true` an empty
 * attribute, and `null`/`undefined`/`false` are left out. Text always goes in as text, never as HTML.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }

    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2).toLowerCase(), value as EventListener);
    } else if (key === 'class') {
      element.className = String(value);
    } else if (value === true) {
      element.setAttribute(key, '');
    } else {
      element.setAttribute(key, String(value));
    }
  }

  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }

    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of `parent`. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

let sequence = 0;

/** A page-unique id for label/description links. */
export function uid(prefix: string): string {
  sequence += 1;
  return `${prefix}-${sequence}`;
}

let liveRegion: HTMLElement | null = null;

/** Tells screen-reader users something without moving their focus (a polite live region). */
export function announce(text: string): void {
  if (!liveRegion) {
    liveRegion = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    document.body.appendChild(liveRegion);
  }

  const region = liveRegion;
  region.textContent = '';
  window.setTimeout(() => {
    region.textContent = text;
  }, 60);
}

/** Moves focus to an element that is not normally focusable (a heading after a view change). */
export function focusHeading(element: HTMLElement | null): void {
  if (!element) {
    return;
  }

  if (!element.hasAttribute('tabindex')) {
    element.setAttribute('tabindex', '-1');
  }

  element.focus();
}

/** The page's #app container, marked busy until the page's script has drawn it. */
export function appRoot(): HTMLElement {
  const root = document.getElementById('app');
  if (!root) {
    throw new Error('The page has no #app element.');
  }

  return root;
}

/** The colour a kommune chose, with black or white text, whichever reads better on it. */
export function applyBrand(colour: string | undefined): void {
  if (!colour || !/^#[0-9a-f]{6}$/i.test(colour)) {
    return;
  }

  const style = document.documentElement.style;
  style.setProperty('--brand', colour);
  style.setProperty('--brand-contrast', contrastText(colour));
}

export function contrastText(colour: string): string {
  const channel = (i: number) => {
    const c = parseInt(colour.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  const onWhite = 1.05 / (luminance + 0.05);
  const onBlack = (luminance + 0.05) / 0.05;
  return onWhite >= onBlack ? '#ffffff' : '#111111';
}
