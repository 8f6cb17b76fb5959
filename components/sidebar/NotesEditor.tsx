import { useEffect, useMemo, useState } from 'preact/hooks';
import { createAutosaver, type SaveState } from '../../utils/autosave';
import type { Request } from '../../utils/messages/client';
import type { Contact } from '../../utils/model/contact';
import { clearNoteDraft, readNoteDraft, writeNoteDraft } from '../../utils/note-drafts';

const STATE_TEXT: Record<SaveState, string> = {
  saved: 'Saved',
  unsaved: 'Editing…',
  saving: 'Saving…',
  error: 'Not saved yet — retrying',
};

/** Notes, autosaved as the user types and flushed whenever the page may go away. */
export function NotesEditor(props: { contact: Contact; request: Request }) {
  const { contact, request } = props;
  const [text, setText] = useState(contact.notes);
  const [state, setState] = useState<SaveState>('saved');
  const saver = useMemo(
    () =>
      createAutosaver(contact.notes, {
        save: async (notes) => {
          await request('contact.setNotes', { id: contact.id, notes });
        },
        onState: (next) => {
          setState(next);
          if (next === 'saved') void clearNoteDraft(contact.id).catch(() => {});
        },
      }),
    // One saver per contact; later versions of the same contact arrive through acceptRemote.
    [contact.id, request],
  );

  useEffect(() => {
    if (saver.acceptRemote(contact.notes)) setText(contact.notes);
  }, [contact.notes, saver]);

  // Words typed before a worker stop or a closed tab that never reached the store.
  useEffect(() => {
    void readNoteDraft(contact.id)
      .then((draft) => {
        if (!draft) return;
        if (draft.text === contact.notes || draft.at < contact.updatedAt) return void clearNoteDraft(contact.id);
        setText(draft.text);
        saver.change(draft.text);
      })
      .catch(() => {});
  }, [saver]);

  useEffect(() => {
    const flush = () => void saver.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
      saver.stop();
    };
  }, [saver]);

  return (
    <div class="notes">
      <div class="notes-head">
        <label for="notes">Notes</label>
        <span class="save-state" role="status" data-state={state}>
          {STATE_TEXT[state]}
        </span>
      </div>
      <textarea
        id="notes"
        value={text}
        rows={10}
        placeholder="What did you talk about? What did you promise? What matters to them?"
        onInput={(event) => {
          const value = event.currentTarget.value;
          setText(value);
          saver.change(value);
          void writeNoteDraft(contact.id, value).catch(() => {});
        }}
        onBlur={() => void saver.flush()}
      />
    </div>
  );
}
