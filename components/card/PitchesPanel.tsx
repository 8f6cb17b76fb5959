import { useState } from 'preact/hooks';
import type { Request } from '../../utils/messages/client';
import type { Pitch } from '../../utils/model/pitch';
import { ErrorNote } from './ErrorNote';
import { useAction } from './use-action';

const AUDIENCES = ['recruiter', 'peer', 'alumni', 'hiring manager', 'mentor'];

/**
 * Elevator pitches per audience, each copied in one click. A disclosure on the card; `bare`
 * (the settings page, under its own heading) shows the list as it is.
 */
export function PitchesPanel(props: { pitches: Pitch[]; request: Request; bare?: boolean }) {
  const [copied, setCopied] = useState<number | null>(null);
  const [editing, setEditing] = useState<Pitch | 'new' | null>(null);
  const remove = useAction();
  const Box = props.bare ? 'div' : 'details';
  return (
    <Box class={props.bare ? 'pitches-panel' : 'section'}>
      {!props.bare && <summary>Elevator pitches</summary>}
      {props.pitches.length === 0 && <p class="quiet">Write a 30-second pitch for each audience you meet.</p>}
      <ul class="pitches">
        {props.pitches.map((pitch) => (
          <li key={pitch.id}>
            <strong dir="auto">{pitch.audience}</strong>
            <p dir="auto">{pitch.text}</p>
            <div class="row small-buttons">
              <button
                type="button"
                aria-label={`Copy the ${pitch.audience} pitch`}
                onClick={() => void navigator.clipboard.writeText(pitch.text).then(() => setCopied(pitch.id))}
              >
                {copied === pitch.id ? 'Copied' : 'Copy'}
              </button>
              <button type="button" aria-label={`Edit the ${pitch.audience} pitch`} onClick={() => setEditing(pitch)}>
                Edit
              </button>
              <button
                type="button"
                aria-label={`Delete the ${pitch.audience} pitch`}
                onClick={() => void remove.run(() => props.request('pitch.delete', { id: pitch.id }))}
              >
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>
      <ErrorNote error={remove.error} what="Not deleted" />
      {editing ? (
        <PitchForm pitch={editing === 'new' ? null : editing} request={props.request} done={() => setEditing(null)} />
      ) : (
        <button type="button" onClick={() => setEditing('new')}>
          New pitch
        </button>
      )}
    </Box>
  );
}

function PitchForm(props: { pitch: Pitch | null; request: Request; done: () => void }) {
  const [audience, setAudience] = useState(props.pitch?.audience ?? '');
  const [text, setText] = useState(props.pitch?.text ?? '');
  const { busy, error, run } = useAction();
  return (
    <form
      class="pitch-form"
      aria-label={props.pitch ? 'Edit pitch' : 'New pitch'}
      onSubmit={async (e) => {
        e.preventDefault();
        const ok = await run(() =>
          props.request('pitch.save', { ...(props.pitch ? { id: props.pitch.id } : {}), audience: audience.trim(), text }),
        );
        if (ok) props.done();
      }}
    >
      <label class="field">
        <span>Audience</span>
        <input type="text" dir="auto" list="pitch-audiences" maxLength={100} value={audience} onInput={(e) => setAudience(e.currentTarget.value)} />
      </label>
      <datalist id="pitch-audiences">
        {AUDIENCES.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <label class="field">
        <span>Pitch</span>
        <textarea rows={4} dir="auto" maxLength={5000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <div class="row">
        <button type="submit" class="primary" disabled={busy || !audience.trim() || !text.trim()}>
          Save pitch
        </button>
        <button type="button" onClick={props.done}>
          Cancel
        </button>
      </div>
      <ErrorNote error={error} what="Not saved" />
    </form>
  );
}
