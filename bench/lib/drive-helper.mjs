// Drives a Squid url_rewrite helper the way Squid does (through a pipe) and times it fairly:
// it sends the first request line, waits for its answer (so start-up is over), then streams the
// rest of the file and waits until every line has been answered.
//
// node bench/lib/drive-helper.mjs <requests> <answers-out> -- <command> [args...]
// Prints JSON: lines, answers, startupS (spawn to first answer), steadyS (first answer to last),
// totalS (spawn to exit), linesPerS (lines after the first / steadyS), vmhwmMB (peak RSS of the
// helper, read before its input is closed), cpuS (CPU time the helper used, start-up included), cpuSteadyS (CPU time after the first answer).
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';

const sep = process.argv.indexOf('--');
const [input, output] = process.argv.slice(2, sep);
const [cmd, ...args] = process.argv.slice(sep + 1);
const text = readFileSync(input);
let lines = 0;
for (let i = text.indexOf(10); i >= 0; i = text.indexOf(10, i + 1)) lines++;
const firstEnd = text.indexOf(10) + 1;
const timeoutS = Number(process.env.BENCH_HELPER_TIMEOUT ?? 900);

const now = () => Number(process.hrtime.bigint()) / 1e9;
const t0 = now();
const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'inherit'] });
const out = createWriteStream(output);
let answers = 0;
let t1 = 0;
let t2 = 0;
let vmhwm = null;
let cpu = null;
let cpuAtFirst = null;
const TICK = 100; // USER_HZ on Linux

function cpuSeconds(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) / TICK;
  } catch {
    return null;
  }
}

const timer = setTimeout(() => {
  process.stderr.write(`drive-helper: no end after ${timeoutS}s (${answers}/${lines} answers); killing\n`);
  child.kill('SIGKILL');
}, timeoutS * 1000);

function peakRss(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

child.stdin.on('error', () => {});
child.stdout.on('data', (chunk) => {
  for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) answers++;
  if (!out.write(chunk)) {
    child.stdout.pause();
    out.once('drain', () => child.stdout.resume());
  }
  if (t1 === 0 && answers >= 1) {
    t1 = now();
    cpuAtFirst = cpuSeconds(child.pid);
    if (lines > 1) createReadStream(input, { start: firstEnd }).pipe(child.stdin, { end: false });
  }
  if (t2 === 0 && answers >= lines) {
    t2 = now();
    vmhwm = peakRss(child.pid);
    cpu = cpuSeconds(child.pid);
    child.stdin.end();
  }
});
child.on('exit', (code, signal) => {
  const t3 = now();
  clearTimeout(timer);
  out.end(() => {
    const steady = t2 - t1;
    process.stdout.write(
      `${JSON.stringify({
        lines,
        answers,
        exit: code ?? signal,
        startupS: +(t1 - t0).toFixed(3),
        steadyS: +steady.toFixed(3),
        totalS: +(t3 - t0).toFixed(3),
        linesPerS: lines > 1 && steady > 0 ? Math.round((lines - 1) / steady) : null,
        vmhwmMB: vmhwm === null ? null : +vmhwm.toFixed(1),
        cpuS: cpu,
        cpuSteadyS: cpu === null || cpuAtFirst === null ? null : +(cpu - cpuAtFirst).toFixed(2),
      })}\n`,
    );
  });
});
child.stdin.write(text.subarray(0, firstEnd));
