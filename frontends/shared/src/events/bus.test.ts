import { beforeEach, describe, expect, it, vi } from 'vitest';
import { emit, on } from './bus';

describe('event bus', () => {
  beforeEach(() => vi.stubGlobal('window', new EventTarget()));

  it('delivers an event to every subscriber with its detail', () => {
    const seen: number[] = [];
    on('shop:cart-changed', (d) => seen.push(d.count));
    on('shop:cart-changed', (d) => seen.push(d.count * 10));
    emit('shop:cart-changed', { count: 3 });
    expect(seen).toEqual([3, 30]);
  });

  it('stops delivering after unsubscribing, and keeps events apart by name', () => {
    const toasts: string[] = [];
    const off = on('shop:toast', (d) => toasts.push(d.message));
    emit('shop:toast', { message: 'one', kind: 'info' });
    emit('shop:cart-changed', { count: 1 });
    off();
    emit('shop:toast', { message: 'two', kind: 'info' });
    expect(toasts).toEqual(['one']);
  });
});
