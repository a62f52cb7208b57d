/**
 * Lazy KaTeX: the markdown chunk parses `$…$` and `$$…$$` (remark-math, small) and shows them as
 * code; KaTeX itself (its renderer, fonts and CSS) loads only when a message holds math, and the
 * blocks that hold it render again once it is here.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { Options } from 'react-markdown';

type RehypePlugins = NonNullable<Options['rehypePlugins']>;

let plugins: RehypePlugins | null = null;
let loading: Promise<RehypePlugins> | null = null;
const listeners = new Set<() => void>();

/**
 * Whether markdown text may hold math: two dollar signs, as remark-math needs at least (a lone
 * "$5" is not math). Two index lookups, no parse; a false positive only loads KaTeX for nothing.
 */
export function hasMath(text: string): boolean {
  const first = text.indexOf('$');
  return first >= 0 && text.indexOf('$', first + 1) > first;
}

/** Loads rehype-katex and KaTeX's CSS once; later calls share the same promise. */
export function loadMath(): Promise<RehypePlugins> {
  loading ??= import('./mathTypesetter').then((module) => {
    plugins = module.typesetPlugins;
    for (const listener of listeners) listener();
    return plugins;
  });
  return loading;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function getPlugins(): RehypePlugins | null {
  return plugins;
}

/**
 * The KaTeX rehype plugins once loaded, else null (math then shows as code). When `wanted`,
 * starts loading them from an effect, after the block first painted.
 */
export function useMathPlugins(wanted: boolean): RehypePlugins | null {
  const current = useSyncExternalStore(subscribe, getPlugins, getPlugins);
  useEffect(() => {
    if (wanted && !plugins) void loadMath().catch(() => undefined);
  }, [wanted]);
  return wanted ? current : null;
}
