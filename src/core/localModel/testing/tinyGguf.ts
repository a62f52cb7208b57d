import { writeFileSync } from 'node:fs';

/**
 * Writes a tiny GGUF model (llama architecture, random weights, a byte-level BPE vocabulary of a
 * few hundred tokens, a ChatML template) that llama.cpp loads and generates from. No model can be
 * downloaded here, so tests make their own; the output is gibberish but the pipeline is real.
 * Hand-written because no npm package writes GGUF files (node-llama-cpp only reads them).
 */

// GGUF value types (ggml's gguf.h).
const T = { u32: 4, i32: 5, f32: 6, bool: 7, string: 8, array: 9 } as const;

/** What the tiny model is made of; every field has a small default. */
export interface TinyModelOptions {
  /** `llama.context_length` (default 256: small enough that the context builder has to fit). */
  contextLength?: number;
  /** Written as `tokenizer.chat_template`; null leaves the template out. */
  chatTemplate?: string | null;
  /** `general.architecture` (default llama): another value makes a model llama.cpp refuses. */
  architecture?: string;
  seed?: number;
}

/** The ChatML template Qwen's models carry (the only format the tiny model knows). */
export const CHATML_TEMPLATE =
  "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

const SPECIAL = ['<|endoftext|>', '<|im_start|>', '<|im_end|>'];
// Common English pairs, so that ordinary words take fewer tokens than bytes (a real BPE's shape).
const MERGES = [
  't h',
  'h e',
  'i n',
  'e r',
  'a n',
  'o n',
  'r e',
  'Ġ t',
  'Ġ a',
  'Ġ s',
  'Ġ w',
  'e n',
  'o u',
  'Ġt he',
];

/** GPT-2's byte-to-character table: every byte gets a printable character. */
function byteChars(): string[] {
  const printable: number[] = [];
  for (let b = 33; b <= 126; b++) printable.push(b);
  for (let b = 161; b <= 172; b++) printable.push(b);
  for (let b = 174; b <= 255; b++) printable.push(b);
  const chars: string[] = new Array<string>(256);
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    chars[b] = String.fromCodePoint(printable.includes(b) ? b : 256 + extra++);
  }
  return chars;
}

/** The vocabulary: 256 bytes, the merged pairs, then the special tokens. */
export function tinyVocabulary(): { tokens: string[]; types: number[]; merges: string[] } {
  const tokens = byteChars();
  for (const merge of MERGES) tokens.push(merge.replace(' ', ''));
  const types = tokens.map(() => 1);
  for (const special of SPECIAL) {
    tokens.push(special);
    types.push(3);
  }
  return { tokens, types, merges: MERGES };
}

class Writer {
  private readonly chunks: Buffer[] = [];
  size = 0;
  push(buffer: Buffer): void {
    this.chunks.push(buffer);
    this.size += buffer.length;
  }
  u32(n: number): void {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    this.push(b);
  }
  u64(n: number): void {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(n));
    this.push(b);
  }
  str(s: string): void {
    const bytes = Buffer.from(s, 'utf8');
    this.u64(bytes.length);
    this.push(bytes);
  }
  value(type: number, v: number | boolean | string): void {
    if (type === T.u32) this.u32(v as number);
    else if (type === T.i32) {
      const b = Buffer.alloc(4);
      b.writeInt32LE(v as number);
      this.push(b);
    } else if (type === T.f32) {
      const b = Buffer.alloc(4);
      b.writeFloatLE(v as number);
      this.push(b);
    } else if (type === T.bool) this.push(Buffer.from([v ? 1 : 0]));
    else this.str(v as string);
  }
  pad(alignment: number): void {
    const rest = this.size % alignment;
    if (rest) this.push(Buffer.alloc(alignment - rest));
  }
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** A small deterministic generator, so a seed gives the same file every time. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) / 0xffffffff) * 2 - 1;
  };
}

/** The bytes of a tiny GGUF model (about 450 KB). */
export function tinyGguf(options: TinyModelOptions = {}): Buffer {
  const arch = options.architecture ?? 'llama';
  const embd = 64;
  const heads = 4;
  const ff = 128;
  const layers = 2;
  const { tokens, types, merges } = tinyVocabulary();
  const vocab = tokens.length;
  const meta: [string, number, number | boolean | string][] = [
    ['general.architecture', T.string, arch],
    ['general.name', T.string, 'Penpal tiny test model'],
    [`${arch}.context_length`, T.u32, options.contextLength ?? 256],
    [`${arch}.embedding_length`, T.u32, embd],
    [`${arch}.block_count`, T.u32, layers],
    [`${arch}.feed_forward_length`, T.u32, ff],
    [`${arch}.attention.head_count`, T.u32, heads],
    [`${arch}.attention.head_count_kv`, T.u32, heads],
    [`${arch}.attention.layer_norm_rms_epsilon`, T.f32, 1e-5],
    [`${arch}.rope.dimension_count`, T.u32, embd / heads],
    ['tokenizer.ggml.model', T.string, 'gpt2'],
    ['tokenizer.ggml.pre', T.string, 'default'],
    ['tokenizer.ggml.bos_token_id', T.u32, vocab - 3],
    ['tokenizer.ggml.eos_token_id', T.u32, vocab - 1],
    ['tokenizer.ggml.add_bos_token', T.bool, false],
  ];
  const template = options.chatTemplate === undefined ? CHATML_TEMPLATE : options.chatTemplate;
  if (template !== null) meta.push(['tokenizer.chat_template', T.string, template]);
  const arrays: [string, number, (string | number)[]][] = [
    ['tokenizer.ggml.tokens', T.string, tokens],
    ['tokenizer.ggml.token_type', T.i32, types],
    ['tokenizer.ggml.merges', T.string, merges],
  ];
  // ggml's dimension order: the first is the row length.
  const tensors: [string, number[]][] = [['token_embd.weight', [embd, vocab]]];
  for (let i = 0; i < layers; i++) {
    tensors.push(
      [`blk.${i}.attn_norm.weight`, [embd]],
      [`blk.${i}.attn_q.weight`, [embd, embd]],
      [`blk.${i}.attn_k.weight`, [embd, embd]],
      [`blk.${i}.attn_v.weight`, [embd, embd]],
      [`blk.${i}.attn_output.weight`, [embd, embd]],
      [`blk.${i}.ffn_norm.weight`, [embd]],
      [`blk.${i}.ffn_gate.weight`, [embd, ff]],
      [`blk.${i}.ffn_up.weight`, [embd, ff]],
      [`blk.${i}.ffn_down.weight`, [ff, embd]],
    );
  }
  tensors.push(['output_norm.weight', [embd]], ['output.weight', [embd, vocab]]);

  const w = new Writer();
  w.push(Buffer.from('GGUF', 'ascii'));
  w.u32(3);
  w.u64(tensors.length);
  w.u64(meta.length + arrays.length);
  for (const [key, type, value] of meta) {
    w.str(key);
    w.u32(type);
    w.value(type, value);
  }
  for (const [key, type, values] of arrays) {
    w.str(key);
    w.u32(T.array);
    w.u32(type);
    w.u64(values.length);
    for (const v of values) w.value(type, v);
  }
  const alignment = 32;
  let offset = 0;
  const sizes = tensors.map(([, dims]) => dims.reduce((a, b) => a * b, 1) * 4);
  tensors.forEach(([name, dims], i) => {
    w.str(name);
    w.u32(dims.length);
    for (const d of dims) w.u64(d);
    w.u32(0); // GGML_TYPE_F32
    w.u64(offset);
    offset += Math.ceil(sizes[i]! / alignment) * alignment;
  });
  w.pad(alignment);
  const next = random(options.seed ?? 7);
  tensors.forEach(([name], i) => {
    const data = Buffer.alloc(Math.ceil(sizes[i]! / alignment) * alignment);
    const norm = name.endsWith('norm.weight');
    for (let j = 0; j < sizes[i]! / 4; j++) data.writeFloatLE(norm ? 1 : next() * 0.2, j * 4);
    w.push(data);
  });
  return w.bytes();
}

/** Writes the tiny model to `path` and returns the path. */
export function writeTinyGguf(path: string, options?: TinyModelOptions): string {
  writeFileSync(path, tinyGguf(options));
  return path;
}
