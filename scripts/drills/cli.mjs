// Command-line plumbing shared by the drills' Node tools, so they all fail, parse options
// and print their help the same way.
import { readFileSync } from 'node:fs';

/** Prints `TOOL: error: MESSAGE` and exits 2 (the drills' "could not run"). */
export function die(tool, message) {
  process.stderr.write(`${tool}: error: ${message}\n`);
  process.exit(2);
}

/**
 * The help text of a tool: its opening comment (the `//` lines after the shebang, up to the
 * first line of code) without the leading `// `, because that comment is its manual.
 */
export function usage(url) {
  const lines = readFileSync(new URL(url), 'utf8').split('\n').slice(1);
  const end = lines.findIndex((l) => !l.startsWith('//'));
  return lines
    .slice(0, end === -1 ? lines.length : end)
    .map((l) => l.replace(/^\/\/ ?/, ''))
    .join('\n');
}

/** Option KEY of OPTS as a number (FALLBACK when absent); TOOL dies on anything else. */
export function num(tool, opts, key, fallback) {
  const raw = opts[key];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (raw === '' || !Number.isFinite(n))
    die(tool, `--${key} must be a number, not ${JSON.stringify(raw)}`);
  return n;
}

/**
 * `--key value` and `--key=value` options into an object; words that are not options go to
 * `_`. FLAGS are options that take no value (true when present). -h/--help sets `help`.
 */
export function parseArgs(tool, argv, flags = []) {
  const opts = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') opts.help = true;
    else if (a.startsWith('--') && flags.includes(a.slice(2))) opts[a.slice(2)] = true;
    else if (a.startsWith('--')) {
      const [k, v] = a.includes('=') ? a.slice(2).split(/=(.*)/s) : [a.slice(2), argv[++i]];
      if (v === undefined) die(tool, `${a} needs a value`);
      opts[k] = v;
    } else opts._.push(a);
  }
  return opts;
}
