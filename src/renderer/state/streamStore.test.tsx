// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { pickShownText, StreamStore, useStreamText } from './streamStore';

/** A frame scheduler the test runs by hand. */
function manualFrames(): { schedule: (cb: () => void) => void; run: () => void; pending: () => number } {
  let queue: (() => void)[] = [];
  return {
    schedule: (cb) => queue.push(cb),
    run: () => {
      const now = queue;
      queue = [];
      for (const cb of now) cb();
    },
    pending: () => queue.length,
  };
}

afterEach(cleanup);

describe('StreamStore', () => {
  it('accumulates deltas per message and publishes them once per frame', () => {
    const frames = manualFrames();
    const store = new StreamStore(frames.schedule);
    let notified = 0;
    store.subscribe(() => notified++);

    store.append('a', 'Hel');
    store.append('a', 'lo');
    store.append('b', '你');
    store.append('b', '好');
    expect(frames.pending()).toBe(1);
    expect(store.text('a')).toBeUndefined();

    frames.run();
    expect(notified).toBe(1);
    expect(store.text('a')).toBe('Hello');
    expect(store.text('b')).toBe('你好');

    store.append('a', ', world');
    frames.run();
    expect(notified).toBe(2);
    expect(store.text('a')).toBe('Hello, world');
  });

  it('does not schedule a frame for empty deltas and forgets settled messages', () => {
    const frames = manualFrames();
    const store = new StreamStore(frames.schedule);
    store.append('a', '');
    expect(frames.pending()).toBe(0);
    store.append('a', 'x');
    frames.run();
    store.forget('a');
    expect(store.text('a')).toBeUndefined();
  });

  it('forgets pending deltas too, so they do not reappear on the next flush', () => {
    const frames = manualFrames();
    const store = new StreamStore(frames.schedule);
    let notified = 0;
    store.subscribe(() => notified++);
    store.append('a', 'Hel');
    frames.run();
    expect(notified).toBe(1);
    store.append('a', 'lo');
    store.forget('a');
    expect(notified).toBe(2);
    store.append('b', 'x');
    frames.run();
    expect(store.text('a')).toBeUndefined();
    expect(store.text('b')).toBe('x');
  });

  it('forgets a message whose deltas have not been published yet', () => {
    const frames = manualFrames();
    const store = new StreamStore(frames.schedule);
    let notified = 0;
    store.subscribe(() => notified++);
    store.append('a', 'pending');
    store.forget('a');
    expect(notified).toBe(1);
    frames.run();
    expect(store.text('a')).toBeUndefined();
    expect(notified).toBe(1);
  });

  it('re-renders a subscriber at most once per frame, however many deltas arrive', () => {
    const frames = manualFrames();
    const store = new StreamStore(frames.schedule);
    let commits = 0;
    function Text(): React.ReactElement {
      return <p>{useStreamText('m', store) ?? ''}</p>;
    }
    const { container } = render(
      <Profiler id="t" onRender={() => commits++}>
        <Text />
      </Profiler>,
    );
    const before = commits;
    for (let i = 0; i < 250; i++) store.append('m', 'x');
    expect(commits).toBe(before);
    act(() => frames.run());
    expect(commits).toBe(before + 1);
    expect(container.textContent).toBe('x'.repeat(250));
  });
});

describe('pickShownText', () => {
  it('prefers the streamed text while it is ahead of the stored content', () => {
    expect(pickShownText('Hel', 'Hello')).toBe('Hello');
    expect(pickShownText('Hello there', 'Hello')).toBe('Hello there');
    expect(pickShownText('stored', undefined)).toBe('stored');
  });
});
