// Echoes stdin upper-cased, prints numbered lines, some stderr, then exits with argv[2].
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  input += chunk;
});
process.stdin.on('end', () => {
  console.log(`stdin ${input.toUpperCase()}`);
  for (let i = 1; i <= 500; i++) console.log(`line ${i}`);
  process.stderr.write(`${'x'.repeat(10_000)}tail-end`);
  process.exitCode = Number(process.argv[2] ?? 0);
});
