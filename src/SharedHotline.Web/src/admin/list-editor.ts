import { h, replace, uid } from '../shared/dom';
import { fieldHint } from './field-hints';
import { t } from './texts';

export interface Column {
  key: string;
  label: string;
  type?: 'text' | 'url' | 'time' | 'textarea' | 'select';
  options?: [string, string][];
}

type Row = Record<string, string>;

/**
 * An editable list in a fieldset: one row per item, each with labelled inputs, a remove button and an add button.
 * Inputs carry `data-field` as the server's validation problem names them (`cannedAnswers[2].text`, or
 * `websiteOrigins[1]` for a list of single values), so errors land next to the input they concern.
 */
export class ListEditor {
  readonly element: HTMLFieldSetElement;
  private readonly body: HTMLElement;
  private readonly rows: { element: HTMLElement; inputs: Map<string, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement> }[] = [];

  constructor(
    private readonly name: string,
    legend: string,
    private readonly itemLabel: string,
    private readonly columns: Column[],
    items: Row[],
    addLabel: string,
    private readonly single = false,
    hint?: string,
  ) {
    this.body = h('div', { class: 'list-editor__rows' });
    const add = h('button', { type: 'button', class: 'btn btn--secondary btn--small', onclick: () => this.add({}, true) }, addLabel);
    const hintId = hint ? uid('hint') : null;
    this.element = h(
      'fieldset',
      { class: 'list-editor', 'data-field': name, 'aria-describedby': hintId },
      h('legend', null, legend),
      hint ? h('p', { class: 'muted', id: hintId }, hint) : null,
      this.body,
      add,
    );
    for (const item of items) {
      this.add(item, false);
    }
  }

  values(): Row[] {
    return this.rows.map((row) => Object.fromEntries([...row.inputs].map(([key, input]) => [key, input.value.trim()])));
  }

  /** The single values of a list of one column (website origins). */
  singles(): string[] {
    return this.values().map((row) => row[this.columns[0].key]);
  }

  private add(item: Row, focus: boolean): void {
    const inputs = new Map<string, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>();
    const cells = this.columns.map((column) => {
      const input = this.input(column, item[column.key] ?? '');
      inputs.set(column.key, input);
      return h('div', { class: 'list-editor__cell' }, input);
    });
    const row = { element: h('div', { class: 'list-editor__row' }, ...cells), inputs };
    row.element.append(h('button', { type: 'button', class: 'link-button', onclick: () => this.remove(row) }, t('remove')));
    this.rows.push(row);
    this.body.append(row.element);
    this.renumber();
    if (focus) {
      inputs.values().next().value?.focus();
    }
  }

  private remove(row: (typeof this.rows)[number]): void {
    this.rows.splice(this.rows.indexOf(row), 1);
    row.element.remove();
    this.renumber();
  }

  /** Labels and field names follow the rows' order, as the server counts them. */
  private renumber(): void {
    this.rows.forEach((row, index) => {
      const label = t('rowLabel', { what: this.itemLabel, n: index + 1 });
      for (const column of this.columns) {
        const input = row.inputs.get(column.key)!;
        input.setAttribute('aria-label', this.single ? label : `${column.label}, ${label.toLowerCase()}`);
        input.dataset.field = this.single ? `${this.name}[${index}]` : `${this.name}[${index}].${column.key}`;
      }

      const remove = row.element.lastElementChild as HTMLButtonElement;
      replace(remove, t('remove'), h('span', { class: 'visually-hidden' }, ` ${label.toLowerCase()}`));
    });
  }

  private input(column: Column, value: string): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement {
    if (column.type === 'textarea') {
      const area = h('textarea', { rows: '2' });
      area.value = value;
      return area;
    }

    if (column.type === 'select') {
      const select = h('select', null, ...(column.options ?? []).map(([v, label]) => h('option', { value: v }, label)));
      select.value = value || (column.options?.[0]?.[0] ?? '');
      return select;
    }

    const input = h('input', { type: column.type ?? 'text', autocomplete: 'off' });
    input.value = value;
    return input;
  }
}

/** Marks the fields a validation problem names, with the message next to each, and lists them in `summary`. */
export function showErrors(form: HTMLElement, summary: HTMLElement, errors: Record<string, string[]>): void {
  clearErrors(form, summary);
  const items: HTMLElement[] = [];
  for (const [field, messages] of Object.entries(errors)) {
    const target = form.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`) ?? form.querySelector<HTMLElement>(`[data-field="${CSS.escape(field.replace(/\[.*$/, ''))}"]`);
    const text = fieldHint(field, messages);
    const label = target?.getAttribute('aria-label') ?? (target?.id ? form.querySelector(`label[for="${target.id}"]`)?.textContent : null) ?? target?.querySelector('legend')?.textContent ?? field;
    items.push(h('li', null, `${label}: ${text}`));
    if (target) {
      const id = uid('error');
      target.setAttribute('aria-invalid', 'true');
      target.setAttribute('aria-describedby', [target.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
      target.insertAdjacentElement('afterend', h('p', { class: 'field-error', id }, text));
    }
  }

  replace(summary, h('p', null, t('fixErrors')), h('ul', null, ...items));
  summary.hidden = false;
}

export function clearErrors(form: HTMLElement, summary: HTMLElement): void {
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach((e) => {
    e.removeAttribute('aria-invalid');
    const kept = (e.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.startsWith('error-')).join(' ');
    if (kept) {
      e.setAttribute('aria-describedby', kept);
    } else {
      e.removeAttribute('aria-describedby');
    }
  });
  summary.replaceChildren();
  summary.hidden = true;
}
