/**
 * Which inputs each step reads, and their help text. The list is what `readSettings` itself
 * asks for (recorded, not maintained by hand), so help and the unknown-option check can never
 * disagree with the code; descriptions and defaults are action.yml's, embedded at build time.
 */
import { ACTION_INPUTS, type ActionInput } from './action-inputs.ts';
import { inputNamesOfStep, type StepName } from './inputs.ts';

/** The inputs `step` reads (without `step` itself), in action.yml's order. */
export function inputsOfStep(step: StepName): ActionInput[] {
  const read = inputNamesOfStep(step);
  return ACTION_INPUTS.filter((input) => read.has(input.name));
}

/** The steps that read `name`, e.g. to say where an input of another step belongs. */
export function stepsReading(name: string, steps: readonly StepName[]): StepName[] {
  return steps.filter((step) => inputsOfStep(step).some((input) => input.name === name));
}

/** Wraps text to `width` columns, each line after the first indented by `indent`. */
function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join(`\n${indent}`);
}

/** How a default reads on a terminal, where `${{ github.token }}` is not evaluated. */
function shownDefault(input: ActionInput): string {
  if (input.default.includes('${{')) return 'GITHUB_TOKEN from the environment';
  return input.default === '' ? '' : input.default;
}

/**
 * `release-action <step> --help`: every input of the step, its description and default, then
 * the options only the command line has (`extras`, as [option, description]).
 */
export function stepHelp(
  step: StepName,
  summary: string,
  extras: ReadonlyArray<readonly [string, string]> = [],
): string {
  const indent = '      ';
  const entry = (option: string, text: string) => `  ${option}\n${indent}${wrap(text, 88, indent)}`;
  const inputs = inputsOfStep(step).map((input) => {
    const fallback = shownDefault(input);
    return entry(
      `--${input.name}`,
      `${input.description}${fallback ? ` (default: ${fallback})` : ''}`,
    );
  });
  return [
    `Usage: release-action ${step} [--<input> <value>]...`,
    '',
    summary,
    '',
    'Inputs (as in action.yml; descriptions name the steps each applies to):',
    ...inputs,
    ...(extras.length > 0 ? ['', 'Command-line options:'] : []),
    ...extras.map(([option, text]) => entry(option, text)),
    '',
  ].join('\n');
}
