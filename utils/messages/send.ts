// The zod-free half of the client, for content scripts: they run on every page load of the
// host site, so they carry no schema library. The worker validates everything they send.
import { browser } from 'wxt/browser';
import type { Envelope, ErrorCode, MessageType, RequestOf, ResponseOf } from './contract';

export type ClientErrorCode = ErrorCode | 'unreachable' | 'bad-answer';

export class RapportError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'RapportError';
  }
}

export type Send = (envelope: Envelope) => Promise<unknown>;

export interface SendOptions {
  /** The frame secret of an in-page sidebar. */
  secret?: string;
  send?: Send;
}

/** Sends one request; resolves with the answer's data, rejects with a RapportError. */
export async function sendRequest<T extends MessageType>(
  type: T,
  payload: RequestOf<T>,
  options: SendOptions = {},
): Promise<unknown> {
  const send: Send = options.send ?? ((envelope) => browser.runtime.sendMessage(envelope));
  let answer: unknown;
  try {
    answer = await send({ rapport: 1, type, payload, ...(options.secret ? { secret: options.secret } : {}) });
  } catch (error) {
    throw new RapportError('unreachable', `Rapport's background is unreachable: ${String(error)}`);
  }
  const shaped = answer as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown; issues?: unknown } };
  if (shaped?.ok === true) return shaped.data;
  if (shaped?.ok === false && typeof shaped.error?.code === 'string' && typeof shaped.error.message === 'string') {
    const issues = Array.isArray(shaped.error.issues) ? (shaped.error.issues as RapportError['issues']) : [];
    throw new RapportError(shaped.error.code as ErrorCode, shaped.error.message, issues);
  }
  throw new RapportError('bad-answer', `No valid answer to ${type}.`);
}

/** A typed caller that trusts the worker's answers (content scripts). */
export function createLightClient(options: SendOptions = {}) {
  return <T extends MessageType>(type: T, payload: RequestOf<T>) =>
    sendRequest(type, payload, options) as Promise<ResponseOf<T>>;
}
