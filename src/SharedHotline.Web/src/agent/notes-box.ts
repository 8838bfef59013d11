import type { ChatNote } from '../shared/contracts';
import { h, replace, uid } from '../shared/dom';
import { clock } from '../shared/time';
import type { AgentLine } from './agent-line';
import { t } from './texts';

/** A chat's internal notes (staff only): the list, and a form to add one. */
export class NotesBox {
  readonly element: HTMLDetailsElement;
  private readonly list = h('ul', { class: 'notes' });
  private readonly summary = h('summary', null, t('notes', { n: 0 }));
  private notes: ChatNote[] = [];

  constructor(
    private readonly line: AgentLine,
    private readonly chatId: string,
    act: (action: () => Promise<unknown>, done?: string) => Promise<boolean>,
  ) {
    const noteId = uid('note');
    const text = h('textarea', { id: noteId, rows: '2', maxlength: '4000', 'aria-describedby': `${noteId}-hint` });
    const form = h(
      'form',
      { class: 'note-form' },
      h('label', { for: noteId }, t('noteLabel')),
      h('span', { id: `${noteId}-hint`, class: 'field__hint' }, t('notesHint')),
      text,
      h('button', { type: 'submit', class: 'btn btn--secondary btn--small' }, t('saveNote')),
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (!text.value.trim()) {
        return;
      }

      await act(async () => {
        this.notes = [...this.notes, await this.line.addNote(this.chatId, text.value)];
        text.value = '';
        this.render();
      }, t('noteSaved'));
    });
    this.element = h('details', { class: 'tool tool--notes' }, this.summary, this.list, form);
  }

  /** Loads the notes; a chat handed over with a note opens them, as the colleague's word is the first thing to read. */
  async load(openIfAny: boolean): Promise<void> {
    try {
      this.notes = await this.line.notes(this.chatId);
      this.render();
      this.element.open ||= openIfAny && this.notes.length > 0;
    } catch {
      // A chat that is no longer mine has no notes to show; the panel says so elsewhere.
    }
  }

  private render(): void {
    this.summary.textContent = t('notes', { n: this.notes.length });
    replace(
      this.list,
      ...(this.notes.length === 0
        ? [h('li', { class: 'muted' }, t('noNotes'))]
        : this.notes.map((n) => h('li', { class: 'note' }, h('p', { class: 'msg__meta' }, `${n.authorName} · ${clock(n.createdAt)}`), h('p', { class: 'msg__text' }, n.text)))),
    );
  }
}
