/**
 * Day One Classic entries (`Journal.dayone/entries/*.doentry`): Apple property lists with
 * `Creation Date` (UTC), `Entry Text`, `Tags`, `Time Zone` and `UUID`. fast-xml-parser reads
 * the XML; the plist's alternating key/value children are paired by hand (a dozen lines, not
 * worth a plist dependency).
 */
import { XMLParser } from 'fast-xml-parser';
import { AppError } from '../../../shared/errors';
import type { JournalFormat } from './format';
import { cleanDayOneText } from './dayOne';
import { localDateTime, splitMarkdownTitle } from './shared';

type OrderedNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
});

/** The registry entry for Day One Classic `.doentry` files. */
export const dayOneClassicFormat: JournalFormat = {
  name: 'dayOneClassic',
  detect: (file) => file.extension === 'doentry',
  parse(file) {
    let dict: Map<string, unknown>;
    try {
      dict = readPlistDict(parser.parse(file.text()) as OrderedNode[]);
    } catch {
      throw new AppError('import_failed', `“${file.path}” is not a readable Day One entry.`);
    }
    const timeZone = typeof dict.get('Time Zone') === 'string' ? (dict.get('Time Zone') as string) : null;
    const created = dict.get('Creation Date');
    const local = typeof created === 'string' ? localDateTime(new Date(created), timeZone) : null;
    const raw = typeof dict.get('Entry Text') === 'string' ? (dict.get('Entry Text') as string) : '';
    const split = splitMarkdownTitle(cleanDayOneText(raw).text);
    const tags = dict.get('Tags');
    return [
      {
        date: local?.date ?? null,
        time: local?.time ?? null,
        timeZone,
        title: split.title,
        text: split.text,
        tags: Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [],
        id: typeof dict.get('UUID') === 'string' ? (dict.get('UUID') as string) : undefined,
      },
    ];
  },
};

function children(node: OrderedNode | undefined, tag: string): OrderedNode[] {
  const value = node?.[tag];
  return Array.isArray(value) ? (value as OrderedNode[]) : [];
}

function tagOf(node: OrderedNode): string {
  return Object.keys(node).find((key) => key !== ':@') ?? '';
}

function readPlistDict(document: OrderedNode[]): Map<string, unknown> {
  const plist = document.find((node) => tagOf(node) === 'plist');
  const dict = children(plist, 'plist').find((node) => tagOf(node) === 'dict');
  if (!dict) throw new Error('no dict');
  return pairs(children(dict, 'dict'));
}

function pairs(nodes: OrderedNode[]): Map<string, unknown> {
  const map = new Map<string, unknown>();
  const elements = nodes.filter((node) => tagOf(node) !== '#text');
  for (let index = 0; index + 1 < elements.length; index += 2) {
    const key = elements[index] as OrderedNode;
    if (tagOf(key) !== 'key') continue;
    map.set(textOf(key), valueOf(elements[index + 1] as OrderedNode));
  }
  return map;
}

function textOf(node: OrderedNode): string {
  return children(node, tagOf(node))
    .map((child) => (typeof child['#text'] === 'string' ? child['#text'] : ''))
    .join('');
}

function valueOf(node: OrderedNode): unknown {
  const tag = tagOf(node);
  if (tag === 'string' || tag === 'date') return textOf(node);
  if (tag === 'true' || tag === 'false') return tag === 'true';
  if (tag === 'array')
    return children(node, 'array')
      .filter((child) => tagOf(child) !== '#text')
      .map(valueOf);
  if (tag === 'dict') return pairs(children(node, 'dict'));
  return textOf(node);
}
