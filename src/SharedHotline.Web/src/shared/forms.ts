import { h, uid } from './dom';

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A labelled form field with an optional hint and an error message linked to the control. */
export interface Field<C extends Control = Control> {
  element: HTMLElement;
  control: C;
  setError(message: string | null): void;
  readonly error: string | null;
}

export function field<C extends Control>(label: string, control: C, hint?: string): Field<C> {
  control.id ||= uid('field');
  const hintId = hint ? `${control.id}-hint` : null;
  const errorId = `${control.id}-error`;
  const error = h('span', { class: 'field__error', id: errorId, hidden: true });
  const describe = (withError: boolean) => {
    const ids = [hintId, withError ? errorId : null].filter(Boolean).join(' ');
    if (ids) {
      control.setAttribute('aria-describedby', ids);
    } else {
      control.removeAttribute('aria-describedby');
    }
  };
  describe(false);
  let current: string | null = null;
  return {
    element: h('div', { class: 'field' }, h('label', { for: control.id }, label), hint ? h('span', { class: 'field__hint', id: hintId }, hint) : null, control, error),
    control,
    get error() {
      return current;
    },
    setError(message: string | null) {
      current = message;
      error.textContent = message ?? '';
      error.hidden = !message;
      if (message) {
        control.setAttribute('aria-invalid', 'true');
      } else {
        control.removeAttribute('aria-invalid');
      }

      describe(!!message);
    },
  };
}

/**
 * Shows the fields' errors in a summary at the top of the form with links to each field, and moves focus
 * to it (the GOV.UK pattern). Returns false when there were errors.
 */
export function summarise(summary: HTMLElement, title: string, fields: Field[]): boolean {
  const failing = fields.filter((f) => f.error);
  summary.replaceChildren();
  summary.hidden = failing.length === 0;
  if (failing.length === 0) {
    return true;
  }

  summary.append(
    h('h2', { class: 'error-summary__title' }, title),
    h('ul', null, ...failing.map((f) => h('li', null, h('a', { href: `#${f.control.id}`, onclick: (e: Event) => { e.preventDefault(); f.control.focus(); } }, f.error!)))),
  );
  summary.focus();
  return false;
}

export function errorSummary(): HTMLElement {
  return h('div', { class: 'notice notice--error error-summary', tabindex: '-1', role: 'alert', hidden: true });
}
