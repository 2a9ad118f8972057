// Times 1,000 labels into one PDF (npm run bench:labels -w backend): the budget is 5 s.
// The first set (Latin, Cyrillic, Chinese, Arabic) is the one measured since labels landed;
// the second adds Korean, Japanese, Thai, Devanagari, Tamil, Hebrew and emoji (decision 0018).
// CPU time is printed too: on the shared machine the wall clock mostly measures the others.
import { PRESETS, type Preset } from '../src/modules/labels/labels.layouts';
import { renderLabels } from '../src/modules/labels/labels.render';

const FIRST = [
  'Hex bolt M8×40 zinc plated, box of 100 pieces with washers',
  '螺丝刀套装 精密维修工具 三十二件套 带磁性',
  'مفك براغي دقيق للإلكترونيات مع رؤوس متعددة',
  'Гайка шестигранная М8 оцинкованная',
];
const ALL_SCRIPTS = [
  ...FIRST,
  '정밀 드라이버 세트 32종 자석 비트',
  'ネジ回しセット 精密ドライバー 倉庫の棚',
  'ชุดไขควงความแม่นยำ 32 ชิ้น น้ำ กุ้ง',
  'परिशुद्धता पेचकस सेट क्षत्रिय',
  'துல்லியமான திருகு இயக்கி தொகுப்பு',
  'מברג מדויק 12 יח׳ (חדש)',
  'Box 📦 👩‍👩‍👧 🇩🇪 spare parts',
];

async function run(set: string, names: string[]) {
  const labels = Array.from({ length: 1000 }, (_, i) => ({
    code: `SKU-${String(i).padStart(5, '0')}`,
    name: `${names[i % names.length]} ${i}`,
    detail: `SKU-${String(i).padStart(5, '0')} · each`,
    url: `https://stock.example.com/items/${i + 1}`,
  }));
  for (const preset of ['L7160', '5160', 'thermal-4x6in'] satisfies Preset[]) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const pdf = await renderLabels(labels, PRESETS[preset], { copies: 1, skip: 0 });
    const ms = Math.round(performance.now() - started);
    const used = process.cpuUsage(cpu);
    const cpuMs = Math.round((used.user + used.system) / 1000);
    console.log(
      `${set} ${preset}: 1000 labels in ${ms} ms (CPU ${cpuMs} ms), ${(pdf.length / 1024).toFixed(0)} KiB`,
    );
  }
}

async function main() {
  await run('four scripts', FIRST);
  await run('all scripts', ALL_SCRIPTS);
}

void main();
