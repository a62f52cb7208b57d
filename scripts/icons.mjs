// `npm run icons`: every platform's icon from the one source image, `resources/icon.png`
// (1024×1024, drawn by `resources/makeIcon.ts`): `icon.icns` (macOS) and `icon.ico` (Windows, up
// to 256 px); Linux takes `icon.png` itself (electron-builder scales it for the desktop's sizes).
// png2icons is pure JavaScript, so this runs offline on any machine; the outputs are committed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import png2icons from 'png2icons';

const resources = join(import.meta.dirname, '..', 'resources');
const source = readFileSync(join(resources, 'icon.png'));

const icns = png2icons.createICNS(source, png2icons.BICUBIC, 0);
const ico = png2icons.createICO(source, png2icons.BICUBIC, 0, false, true);
if (!icns || !ico) throw new Error('resources/icon.png could not be converted.');
writeFileSync(join(resources, 'icon.icns'), icns);
writeFileSync(join(resources, 'icon.ico'), ico);

console.log('Icons written to resources/: icon.icns, icon.ico');
