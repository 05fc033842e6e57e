/**
 * Parses `release-action <step> [--<input> <value>]...` strictly: an option the step does not
 * read is refused with the nearest name, because an ignored `--workflow` or `--ref` would
 * silently drop a check and let verification pass.
 */
import { InputError } from '../core/errors.ts';
import { quote } from '../core/text.ts';
import { STEP_NAMES, type InputSource, type StepName } from './inputs.ts';
import { nearestName } from './input-names.ts';
import { inputsOfStep, stepsReading } from './step-inputs.ts';

/** The command line was used wrongly (exit code 2), as opposed to a step that failed. */
export class UsageError extends InputError {}

/** Short names the command line also takes. */
export const ALIASES: Readonly<Record<string, string>> = { asc: 'public-key' };

/** Flags that take no value, by step. */
const FLAGS: Partial<Record<StepName, readonly string[]>> = { verify: ['json'] };

export interface CommandLine {
  step: StepName;
  /** Inputs by their action.yml name. */
  values: Map<string, string>;
  /** `--help` or `-h` anywhere after the step. */
  help: boolean;
  /** `--json` (verify): one JSON verdict per file on stdout. */
  json: boolean;
}

/** The step named first, or a usage error naming the nearest step. */
export function parseStep(raw: string | undefined): StepName {
  const step = STEP_NAMES.find((name) => name === raw);
  if (step) return step;
  const nearest = nearestName(raw ?? '', STEP_NAMES);
  throw new UsageError(`Unknown step ${quote(raw ?? '')}.`, {
    subject: 'step',
    hint: `${nearest ? `Did you mean \`${nearest}\`? ` : ''}Steps: ${STEP_NAMES.join(', ')}; \`release-action --help\` explains them.`,
  });
}

/** Parses everything after the step; refuses unknown, repeated and value-less options. */
export function parseCommandLine(args: readonly string[]): CommandLine {
  const step = parseStep(args[0]);
  const rest = args.slice(1);
  const line: CommandLine = { step, values: new Map(), help: false, json: false };
  if (rest.includes('--help') || rest.includes('-h')) return { ...line, help: true };
  const known = inputsOfStep(step).map((input) => input.name);
  const flags = FLAGS[step] ?? [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    if (!arg.startsWith('--') || arg === '--') {
      throw new UsageError(`Unexpected argument ${quote(arg)}.`, {
        hint: 'Write inputs as --name value (or --name=value).',
      });
    }
    const eq = arg.indexOf('=');
    const given = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const name = ALIASES[given] ?? given;
    if (flags.includes(name)) {
      if (eq > 0) throw new UsageError(`Option --${name} takes no value.`, { subject: name });
      line.json = true;
      continue;
    }
    checkOption(step, name, given, known, flags);
    const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
    // `--workflow --ref x` would otherwise check the workflow "--ref" and drop the ref check.
    if (value === undefined || (eq < 0 && value.startsWith('--'))) {
      throw new UsageError(`Option --${given} needs a value.`, {
        subject: name,
        hint: `Write --${given} <value>, or --${given}=<value> for a value starting with --.`,
      });
    }
    if (line.values.has(name)) {
      throw new UsageError(`Option --${given} is given twice.`, {
        subject: name,
        hint: 'Give it once; list inputs take comma-separated values.',
      });
    }
    line.values.set(name, value);
  }
  return line;
}

function checkOption(
  step: StepName,
  name: string,
  given: string,
  known: readonly string[],
  flags: readonly string[],
): void {
  if (known.includes(name)) return;
  const elsewhere = stepsReading(name, STEP_NAMES);
  if (elsewhere.length > 0) {
    throw new UsageError(`Option --${given} is not an input of ${step}.`, {
      subject: name,
      hint: `It is read by ${elsewhere.join(', ')}; \`release-action ${step} --help\` lists the inputs of ${step}.`,
    });
  }
  const nearest = nearestName(name, [...known, ...flags, ...Object.keys(ALIASES)]);
  throw new UsageError(`Unknown option --${given} for ${step}.`, {
    subject: name,
    hint: `${nearest ? `Did you mean --${nearest}? ` : ''}\`release-action ${step} --help\` lists its inputs.`,
  });
}

/** The parsed values as an input source; `github-token` falls back as in a workflow. */
export function commandLineInputs(line: CommandLine, env: NodeJS.ProcessEnv): InputSource {
  const fallback: Record<string, string | undefined> = { 'github-token': env.GITHUB_TOKEN };
  return {
    get: (name) => (name === 'step' ? line.step : (line.values.get(name) ?? fallback[name] ?? '')),
  };
}
