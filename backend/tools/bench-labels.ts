// Times 1,000 labels into one PDF (npm run bench:labels -w backend): the budget is 5 s.
// Names mix Latin, Cyrillic, Chinese and Arabic so every embedded font is used.
import { PRESETS, type Preset } from '../src/modules/labels/labels.layouts';
import { renderLabels } from '../src/modules/labels/labels.render';

const NAMES = [
  'Hex bolt M8×40 zinc plated, box of 100 pieces with washers',
  '螺丝刀套装 精密维修工具 三十二件套 带磁性',
  'مفك براغي دقيق للإلكترونيات مع رؤوس متعددة',
  'Гайка шестигранная М8 оцинкованная',
];

async function main() {
  const labels = Array.from({ length: 1000 }, (_, i) => ({
    code: `SKU-${String(i).padStart(5, '0')}`,
    name: `${NAMES[i % NAMES.length]} ${i}`,
    detail: `SKU-${String(i).padStart(5, '0')} · each`,
    url: `https://stock.example.com/items/${i + 1}`,
  }));
  for (const preset of ['L7160', '5160', 'thermal-4x6in'] satisfies Preset[]) {
    const started = performance.now();
    const pdf = await renderLabels(labels, PRESETS[preset], { copies: 1, skip: 0 });
    const ms = Math.round(performance.now() - started);
    console.log(`${preset}: 1000 labels in ${ms} ms, ${(pdf.length / 1024).toFixed(0)} KiB`);
  }
}

void main();
