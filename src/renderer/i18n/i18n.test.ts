import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { initI18n, resources } from './index';

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf of a strings tree as `path → value`. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

/** The `{{name}}` placeholders a string uses, sorted. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
}

describe('locales', () => {
  const namespaces = Object.keys(resources.en) as (keyof typeof resources.en)[];

  it('ships the same namespaces in every language', () => {
    expect(Object.keys(resources['zh-CN']).sort()).toEqual([...namespaces].sort());
  });

  for (const ns of namespaces) {
    it(`"${ns}" has the same keys in en and zh-CN, none empty`, () => {
      const en = leaves(resources.en[ns] as Tree);
      const zh = leaves(resources['zh-CN'][ns] as Tree);
      expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, value] of [...en, ...zh]) expect(value.trim(), `${ns}:${key}`).not.toBe('');
    });

    it(`"${ns}" uses the same placeholders in both languages`, () => {
      const en = leaves(resources.en[ns] as Tree);
      const zh = leaves(resources['zh-CN'][ns] as Tree);
      for (const [key, value] of en)
        expect(placeholders(zh.get(key) ?? ''), `${ns}:${key}`).toEqual(placeholders(value));
    });
  }

  it('uses singular and plural forms for counts', () => {
    initI18n('en');
    const t = i18next.getFixedT('en');
    expect(t('library:actions.emptyTrashConfirm', { count: 1 })).toContain('Delete the 1 conversation in');
    expect(t('library:actions.emptyTrashConfirm', { count: 3 })).toContain('Delete the 3 conversations in');
    const zh = i18next.getFixedT('zh-CN');
    expect(zh('library:actions.emptyTrashConfirm', { count: 1 })).toContain('1 个对话');
  });
});
