import { browser } from 'wxt/browser';
import { BroadcastEvent, contract, type MessageType, type RequestOf, type ResponseOf } from './contract';
import { RapportError, sendRequest, type SendOptions } from './send';

export { RapportError } from './send';

/**
 * A typed caller of the worker for extension pages. Answers are validated against the
 * contract, so callers get exactly the declared types.
 */
export function createClient(options: SendOptions = {}) {
  return async function request<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
    const data = contract[type].response.safeParse(await sendRequest(type, payload, options));
    if (data.success) return data.data as ResponseOf<T>;
    throw new RapportError('bad-answer', `Unexpected answer to ${type}.`);
  };
}
export type Request = ReturnType<typeof createClient>;

/** Listens to the worker's broadcasts; returns the function that stops listening. */
export function onBroadcast(listener: (event: BroadcastEvent) => void): () => void {
  const handle = (message: unknown) => {
    const event = BroadcastEvent.safeParse(message);
    if (event.success) listener(event.data);
    // Returning nothing: broadcasts expect no answer.
  };
  browser.runtime.onMessage.addListener(handle);
  return () => browser.runtime.onMessage.removeListener(handle);
}
