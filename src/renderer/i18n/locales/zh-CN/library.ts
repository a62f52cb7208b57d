/** The "library" strings in zh-CN. Keys must match the English file exactly (a test checks). */
export default {} as const;
