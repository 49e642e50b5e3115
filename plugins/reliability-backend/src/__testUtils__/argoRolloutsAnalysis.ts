/**
 * What Argo Rollouts' `web` metric provider does with an answer, for tests of our
 * AnalysisTemplate: a non-2xx status is a measurement error; the JSON body goes through
 * client-go's JSONPath (`FindResults`, first value kept as its JSON type) and the value becomes
 * `result` in the `successCondition` / `failureCondition`, evaluated by expr-lang (a boolean
 * outcome, anything else an error); with only a success condition, false means Failed.
 * Implemented for the subset our documentation uses: JSONPath field and index steps
 * (`{$.a.b}`, `{.a[0]}`) and expr comparisons (`==`, `!=`, `<`, `<=`, `>`, `>=`), `&&`, `||`, `!`,
 * `in [...]`, member access on `result`, and string, number and boolean literals.
 */

export type AnalysisPhase = 'Successful' | 'Failed' | 'Inconclusive' | 'Error';

/** client-go JSONPath: `{...}` around a path of `.field` and `[n]` steps, `$` optional. */
export function findJsonPath(data: unknown, template: string): unknown[] {
  const match = /^\{(.*)\}$/.exec(template.trim());
  if (!match) throw new Error(`unsupported JSONPath template ${template}`);
  let path = match[1].trim().replace(/^\$/, '');
  let values: unknown[] = [data];
  while (path.length > 0) {
    const field = /^\.([A-Za-z0-9_-]+)/.exec(path);
    const index = /^\[(\d+)\]/.exec(path);
    if (field) {
      values = values.flatMap(v =>
        v !== null && typeof v === 'object' && field[1] in (v as object)
          ? [(v as Record<string, unknown>)[field[1]]]
          : [],
      );
      path = path.slice(field[0].length);
    } else if (index) {
      values = values.flatMap(v =>
        Array.isArray(v) && Number(index[1]) < v.length
          ? [v[Number(index[1])]]
          : [],
      );
      path = path.slice(index[0].length);
    } else {
      throw new Error(`unsupported JSONPath step in ${template}`);
    }
  }
  if (values.length === 0) {
    // client-go fails on a missing key unless AllowMissingKeys is set; Argo does not set it.
    throw new Error(`${template} is not found`);
  }
  return values;
}

type Token = { type: 'op' | 'str' | 'num' | 'id' | 'punct'; value: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re =
    /\s*(?:(==|!=|<=|>=|&&|\|\||[<>!])|'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|([().,[\]]))/y;
  let last = 0;
  for (;;) {
    const m = re.exec(text);
    if (m === null || m[0].length === 0) break;
    last = re.lastIndex;
    if (m[1]) tokens.push({ type: 'op', value: m[1] });
    else if (m[2] !== undefined) tokens.push({ type: 'str', value: m[2] });
    else if (m[3] !== undefined) tokens.push({ type: 'str', value: m[3] });
    else if (m[4]) tokens.push({ type: 'num', value: m[4] });
    else if (m[5]) tokens.push({ type: 'id', value: m[5] });
    else tokens.push({ type: 'punct', value: m[6] });
  }
  if (text.slice(last).trim() !== '') {
    throw new Error(`unsupported expression ${text}`);
  }
  return tokens;
}

function truthy(value: unknown): boolean {
  if (typeof value !== 'boolean') {
    throw new Error(`expected bool, but got ${typeof value}`);
  }
  return value;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A recursive-descent reader of the expr-lang subset, with `result` bound. */
class ConditionReader {
  private i = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly expression: string,
    private readonly result: unknown,
  ) {}

  read(): unknown {
    const value = this.or();
    if (this.i !== this.tokens.length) {
      throw new Error(
        `unexpected ${this.tokens[this.i].value} in ${this.expression}`,
      );
    }
    return value;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private take(value?: string): Token {
    const token = this.tokens[this.i++];
    if (!token || (value !== undefined && token.value !== value)) {
      throw new Error(`expected ${value ?? 'a token'} in ${this.expression}`);
    }
    return token;
  }

  private or(): unknown {
    let value = this.and();
    while (this.peek()?.value === '||' || this.peek()?.value === 'or') {
      this.take();
      const right = this.and();
      value = truthy(value) || truthy(right);
    }
    return value;
  }

  private and(): unknown {
    let value = this.comparison();
    while (this.peek()?.value === '&&' || this.peek()?.value === 'and') {
      this.take();
      const right = this.comparison();
      value = truthy(value) && truthy(right);
    }
    return value;
  }

  private comparison(): unknown {
    const left = this.primary();
    const op = this.peek();
    if (op?.type === 'id' && op.value === 'in') {
      this.take();
      const list = this.primary();
      return Array.isArray(list) && list.some(v => sameValue(v, left));
    }
    if (op?.type !== 'op' || op.value === '&&' || op.value === '||') {
      return left;
    }
    this.take();
    const right = this.primary();
    switch (op.value) {
      case '==':
        return sameValue(left, right);
      case '!=':
        return !sameValue(left, right);
      case '<':
        return (left as number) < (right as number);
      case '<=':
        return (left as number) <= (right as number);
      case '>':
        return (left as number) > (right as number);
      case '>=':
        return (left as number) >= (right as number);
      default:
        throw new Error(`unexpected ${op.value} in ${this.expression}`);
    }
  }

  private primary(): unknown {
    const token = this.take();
    if (token.type === 'str') return token.value;
    if (token.type === 'num') return Number(token.value);
    if (token.value === '(') {
      const value = this.or();
      this.take(')');
      return value;
    }
    if (token.value === '[') {
      const items: unknown[] = [];
      while (this.peek()?.value !== ']') {
        items.push(this.or());
        if (this.peek()?.value === ',') this.take(',');
      }
      this.take(']');
      return items;
    }
    if (token.value === '!' || token.value === 'not') {
      return !truthy(this.primary());
    }
    if (token.type !== 'id') {
      throw new Error(`unexpected ${token.value} in ${this.expression}`);
    }
    if (token.value === 'true') return true;
    if (token.value === 'false') return false;
    if (token.value === 'nil') return null;
    if (token.value !== 'result') {
      throw new Error(`unknown name ${token.value}`);
    }
    let value: unknown = this.result;
    while (this.peek()?.value === '.' || this.peek()?.value === '[') {
      let key: unknown;
      if (this.take().value === '.') {
        key = this.take().value;
      } else {
        key = this.primary();
        this.take(']');
      }
      value =
        (value as Record<string, unknown> | null)?.[key as string] ?? null;
    }
    return value;
  }
}

/** Evaluates an expr-lang condition with `result` bound. */
export function evaluateCondition(
  expression: string,
  result: unknown,
): unknown {
  return new ConditionReader(tokenize(expression), expression, result).read();
}

/** One measurement of a web metric, as Argo Rollouts takes it. */
export function measureWebMetric(options: {
  status: number;
  body: string;
  jsonPath?: string;
  successCondition?: string;
  failureCondition?: string;
}): { phase: AnalysisPhase; value?: string; error?: string } {
  if (options.status < 200 || options.status >= 300) {
    return {
      phase: 'Error',
      error: `received non 2xx response code: ${options.status}`,
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(options.body);
  } catch {
    return { phase: 'Successful', value: options.body };
  }
  try {
    const [value] = options.jsonPath
      ? findJsonPath(data, options.jsonPath)
      : [data];
    const evaluate = (condition: string) => {
      const outcome = evaluateCondition(condition, value);
      if (typeof outcome !== 'boolean') {
        throw new Error(`expected bool, but got ${typeof outcome}`);
      }
      return outcome;
    };
    // utils/evaluate EvaluateResult: a missing condition is the other one negated; neither
    // true is Inconclusive.
    let success = options.successCondition
      ? evaluate(options.successCondition)
      : false;
    let failure = options.failureCondition
      ? evaluate(options.failureCondition)
      : false;
    if (!options.successCondition && !options.failureCondition) {
      return { phase: 'Successful', value: JSON.stringify(value) };
    }
    if (options.successCondition && !options.failureCondition)
      failure = !success;
    if (!options.successCondition && options.failureCondition)
      success = !failure;
    let phase: AnalysisPhase = 'Successful';
    if (failure) phase = 'Failed';
    else if (!success) phase = 'Inconclusive';
    return { phase, value: JSON.stringify(value) };
  } catch (error) {
    return { phase: 'Error', error: (error as Error).message };
  }
}
