// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SidebarApp } from '../../../components/sidebar/SidebarApp';
import { RapportError, type Request } from '../../../utils/messages/client';
import type { SidebarView } from '../../../utils/messages/contract';

const view: SidebarView = {
  tabId: 7,
  context: {
    kind: 'linkedin-profile',
    url: 'https://www.linkedin.com/in/ada-lovelace/',
    slug: 'ada-lovelace',
    ready: true,
    name: 'Ada Lovelace',
    sources: { name: 'title' },
    missing: [],
  },
  contact: null,
  card: null,
  company: null,
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('SidebarApp', () => {
  it('retries a passing failure by itself, backing off, and shows the page once it answers', async () => {
    const calls: number[] = [];
    const request = vi.fn(async () => {
      calls.push(Date.now());
      if (calls.length < 2) throw new RapportError('unreachable', 'worker restarting');
      return view;
    }) as unknown as Request;
    render(<SidebarApp request={request} firstView={Promise.reject(new RapportError('unreachable', 'worker restarting'))} />);
    await vi.advanceTimersByTimeAsync(10);
    expect(screen.getByRole('alert').textContent).toContain('worker restarting');
    // (Preact runs effects after the next frame: allow ~50 ms around each expected moment.)
    await vi.advanceTimersByTimeAsync(900);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200); // first retry after 1 s: fails again
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_800);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(300); // second retry 2 s later: succeeds
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(10);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Ada Lovelace');
  });

  it('never retries a refusal, and stops after three tries', async () => {
    const refused = vi.fn(async () => {
      throw new RapportError('forbidden', 'not ours');
    }) as unknown as Request;
    render(<SidebarApp request={refused} firstView={Promise.reject(new RapportError('forbidden', 'not ours'))} />);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(refused).not.toHaveBeenCalled();
    expect(screen.getByText('This panel only works when Rapport opens it itself.')).toBeTruthy();
    cleanup();

    const failing = vi.fn(async () => {
      throw new RapportError('internal', 'broken');
    }) as unknown as Request;
    render(<SidebarApp request={failing} firstView={Promise.reject(new RapportError('internal', 'broken'))} />);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(failing).toHaveBeenCalledTimes(3);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
