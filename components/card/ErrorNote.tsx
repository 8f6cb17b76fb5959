export function ErrorNote(props: { error: string | null; what?: string }) {
  if (!props.error) return null;
  return (
    <p class="problem" role="alert">
      {props.what ? `${props.what}: ` : ''}
      {props.error}
    </p>
  );
}
