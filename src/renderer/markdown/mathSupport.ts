/**
 * Lazy KaTeX: the markdown chunk parses `$…$` and `$$…$$` (remark-math, small) and shows them as
 * code; KaTeX itself (its renderer, fonts and CSS) loads only when a message holds math, and the
 * blocks that hold it render again once it is here.
 */
import type { Options } from 'react-markdown';
import { createLazyModule } from './lazyModule';

type RehypePlugins = NonNullable<Options['rehypePlugins']>;

/** rehype-katex and KaTeX's CSS, loaded once. */
const math = createLazyModule<RehypePlugins>(() =>
  import('./mathTypesetter').then((module) => module.typesetPlugins),
);

/**
 * Whether markdown text may hold math: two dollar signs, as remark-math needs at least (a lone
 * "$5" is not math). Two index lookups, no parse; a false positive only loads KaTeX for nothing.
 */
export function hasMath(text: string): boolean {
  const first = text.indexOf('$');
  return first >= 0 && text.indexOf('$', first + 1) > first;
}

/**
 * The KaTeX rehype plugins once loaded, else null (math then shows as code). When `wanted`,
 * starts loading them from an effect, after the block first painted.
 */
export function useMathPlugins(wanted: boolean): RehypePlugins | null {
  const plugins = math.useModule(wanted);
  return wanted ? plugins : null;
}
