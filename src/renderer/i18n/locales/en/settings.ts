/** The "settings" strings in en. Keys must match the English file exactly (a test checks). */
export default {} as const;
