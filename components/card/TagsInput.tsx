import { useId, useState } from 'preact/hooks';

/** Tags as removable chips plus an input that suggests tags already in use. */
export function TagsInput(props: { tags: string[]; allTags: string[]; onChange: (tags: string[]) => Promise<unknown> }) {
  const [text, setText] = useState('');
  const listId = useId();
  const add = async () => {
    const tag = text.trim().replace(/\s+/g, ' ').slice(0, 50);
    if (!tag) return;
    const known = props.allTags.find((t) => t.toLocaleLowerCase() === tag.toLocaleLowerCase()) ?? tag;
    setText('');
    if (!props.tags.some((t) => t.toLocaleLowerCase() === known.toLocaleLowerCase())) await props.onChange([...props.tags, known]);
  };
  return (
    <div class="field">
      <span id={`${listId}-label`}>Tags</span>
      <ul class="chips" aria-labelledby={`${listId}-label`}>
        {props.tags.map((tag) => (
          <li key={tag}>
            <span dir="auto">{tag}</span>
            <button type="button" aria-label={`Remove the tag ${tag}`} onClick={() => void props.onChange(props.tags.filter((t) => t !== tag))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <div class="row">
        <input
          type="text"
          dir="auto"
          aria-label="Add a tag"
          list={listId}
          maxLength={50}
          value={text}
          placeholder="Add a tag"
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ',') {
              e.preventDefault();
              void add();
            }
          }}
        />
        <button type="button" onClick={() => void add()} disabled={!text.trim()}>
          Add tag
        </button>
      </div>
      <datalist id={listId}>
        {props.allTags
          .filter((t) => !props.tags.includes(t))
          .map((t) => (
            <option key={t} value={t} />
          ))}
      </datalist>
    </div>
  );
}
